import { Inject, Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APPLICATION_DEADLINE_NOTICE_DAYS, APPLICATION_OPEN_STATUSES, FOLLOWUP_REMINDER_MINUTES } from '@advisordesk/shared';
import { queryAffected } from '@advisordesk/api-core';
import { JobsService } from '@advisordesk/api-jobs';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../notifications.config';
import { WorkingHoursService } from './working-hours.service';

export const REMINDERS_QUEUE = 'notifications.reminders';
/** A follow-up or a breach older than this is not announced any more (an instance that was down a week says nothing of last week). */
const STALE = `interval '1 day'`;

/**
 * What time raises, every minute on one instance: follow-ups due in 15 minutes and overdue ones
 * (for their owner), application deadlines 3 days away (for the lead's advisor), and new leads
 * nobody contacted within FIRST_CONTACT_SLA_MINUTES of working hours (for managers and admins).
 * Each is one notification: its key names the follow-up and its due time, so a follow-up moved to
 * another time is announced again for the new time, and a done one or an erased lead's never.
 */
@Injectable()
export class RemindersJob implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    private readonly hours: WorkingHoursService,
    @Optional() private readonly jobs?: JobsService,
  ) {}

  onModuleInit() {
    this.jobs?.define({
      queue: REMINDERS_QUEUE,
      policy: 'singleton',
      retryLimit: 0,
      deadLetter: false,
      expireInSeconds: 120,
      schedule: { cron: '* * * * *' },
      handler: async () => this.run(),
    });
  }

  /** One pass; answers how many notifications each kind raised. */
  async run(): Promise<Record<string, number>> {
    return {
      followupDue: await this.followUpsDue(),
      followupOverdue: await this.followUpsOverdue(),
      applicationDeadline: await this.deadlines(),
      leadUncontacted: await this.uncontacted(),
    };
  }

  private followUpsDue(): Promise<number> {
    return queryAffected(
      this.dataSource,
      `INSERT INTO notifications (user_id, kind, title, body, lead_id, link, dedupe_key)
       SELECT t.owner_id, 'followup.due', 'Follow-up at ' || to_char(t.due_at AT TIME ZONE 'Asia/Kolkata', 'HH12:MI am') || ': ' || l.full_name,
              t.title, l.id, '/leads/' || l.id, 'followup.due:' || t.id || ':' || extract(epoch FROM t.due_at)::bigint
         FROM tasks t JOIN leads l ON l.id = t.lead_id
        WHERE t.done_at IS NULL AND t.due_at > now() AND t.due_at <= now() + make_interval(mins => $1)
          AND l.erased_at IS NULL AND t.owner_id IS NOT NULL
       ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
      [FOLLOWUP_REMINDER_MINUTES],
    );
  }

  private followUpsOverdue(): Promise<number> {
    return queryAffected(
      this.dataSource,
      `INSERT INTO notifications (user_id, kind, title, body, lead_id, link, dedupe_key)
       SELECT t.owner_id, 'followup.overdue', 'Overdue follow-up: ' || l.full_name, t.title, l.id, '/leads/' || l.id,
              'followup.overdue:' || t.id || ':' || extract(epoch FROM t.due_at)::bigint
         FROM tasks t JOIN leads l ON l.id = t.lead_id
        WHERE t.done_at IS NULL AND t.due_at <= now() AND t.due_at > now() - ${STALE}
          AND l.erased_at IS NULL AND t.owner_id IS NOT NULL
       ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
    );
  }

  /** Open applications whose deadline is within 3 days (India's calendar), announced once per deadline. */
  private deadlines(): Promise<number> {
    return queryAffected(
      this.dataSource,
      `INSERT INTO notifications (user_id, kind, title, body, lead_id, link, dedupe_key)
       SELECT l.advisor_id, 'application.deadline',
              'Deadline ' || to_char(a.deadline, 'DD Mon') || ': ' || l.full_name, p.name || ', ' || u.name, l.id, '/leads/' || l.id,
              'application.deadline:' || a.id || ':' || a.deadline
         FROM applications a JOIN leads l ON l.id = a.lead_id JOIN programs p ON p.id = a.program_id JOIN universities u ON u.id = p.university_id
        WHERE a.status = ANY($1::text[]) AND a.deadline >= (now() AT TIME ZONE 'Asia/Kolkata')::date
          AND a.deadline <= (now() AT TIME ZONE 'Asia/Kolkata')::date + $2::int
          AND l.erased_at IS NULL AND l.advisor_id IS NOT NULL
       ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
      [APPLICATION_OPEN_STATUSES, APPLICATION_DEADLINE_NOTICE_DAYS],
    );
  }

  /**
   * Speed to lead: each new lead gets its first-contact due time (arrival + the SLA in working hours,
   * `working_add`); one past it and still not contacted is announced to every active manager and admin.
   */
  private async uncontacted(): Promise<number> {
    const hours = await this.hours.get();
    const { firstContactSlaMinutes: sla, ...window } = hours;
    await this.dataSource.query(
      // Rows another transaction holds (an import, a bulk action) are skipped, never waited for: they are
      // done the next minute, and this statement never takes part in a deadlock.
      `UPDATE leads l SET first_contact_due_at = working_add(l.created_at, $1, $2::jsonb)
         FROM (SELECT id FROM leads
                WHERE first_contacted_at IS NULL AND erased_at IS NULL AND first_contact_due_at IS NULL AND created_at > now() - interval '14 days'
                ORDER BY id FOR UPDATE SKIP LOCKED) due
        WHERE l.id = due.id`,
      [sla, JSON.stringify(window)],
    );
    return queryAffected(
      this.dataSource,
      `INSERT INTO notifications (user_id, kind, title, body, lead_id, link, dedupe_key)
       SELECT m.id, 'lead.uncontacted', 'Not contacted in time: ' || l.full_name,
              concat_ws(' · ', 'arrived ' || to_char(l.created_at AT TIME ZONE 'Asia/Kolkata', 'DD Mon HH12:MI am'), 'with ' || a.name, CASE WHEN a.id IS NULL THEN 'unassigned' END),
              l.id, '/leads/' || l.id, 'lead.uncontacted:' || l.id
         FROM leads l LEFT JOIN users a ON a.id = l.advisor_id
         JOIN users m ON m.role IN ('manager', 'admin') AND m.active
        WHERE l.first_contacted_at IS NULL AND l.erased_at IS NULL AND l.status = 'new' AND l.created_at > now() - interval '15 days'
          AND l.first_contact_due_at <= now() AND l.first_contact_due_at > now() - ${STALE}
       ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
    );
  }
}
