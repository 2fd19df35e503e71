import { Inject, Injectable, type OnModuleInit, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  DIGEST_HOUR_IST,
  formatIstTime,
  istDate,
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  type NotificationKind,
} from '@advisordesk/shared';
import { APP_CONFIG, escapeHtml as escape, queryChanged, queryRows, type AppConfig } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { JobsService } from '@advisordesk/api-jobs';
import { NotificationsService } from '../notifications.service';
import { Mailer } from './mailer';
import { mailHtml } from './mail-pages';

export const EMAIL_QUEUE = 'notifications.email';
export const DIGEST_QUEUE = 'notifications.digest';

interface DigestTask {
  leadId: string;
  leadName: string;
  title: string;
  dueAt: Date;
  overdue: boolean;
}

/**
 * Email, when `SMTP_URL` is set: every minute (one instance) the notifications of the last hour that
 * their user wants by email are claimed and sent, one mail each; at 08:00 India time each user who
 * keeps the digest gets one mail with the day's follow-ups and the overdue ones (once a day, whichever
 * instance sends it), with a link that stops it.
 */
@Injectable()
export class EmailJobs implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly mailer: Mailer,
    @Optional() private readonly jobs?: JobsService,
  ) {}

  onModuleInit() {
    if (!this.mailer.connected) return;
    this.jobs?.define({
      queue: EMAIL_QUEUE,
      policy: 'singleton',
      retryLimit: 0,
      deadLetter: false,
      schedule: { cron: '* * * * *' },
      handler: async () => ({ sent: await this.sendChosen() }),
    });
    this.jobs?.define({
      queue: DIGEST_QUEUE,
      policy: 'singleton',
      retryLimit: 2,
      schedule: { cron: `0 ${DIGEST_HOUR_IST} * * *` },
      handler: async () => ({ sent: await this.sendDigests() }),
    });
  }

  /** Sends the notifications users chose to get by email; answers how many mails left. */
  async sendChosen(): Promise<number> {
    const claimed = await queryChanged<{ id: string; userId: string }>(
      this.dataSource,
      `UPDATE notifications n SET emailed_at = now()
         FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id
        WHERE n.id IN (SELECT id FROM notifications WHERE emailed_at IS NULL AND created_at > now() - interval '1 hour' ORDER BY id LIMIT 200 FOR UPDATE SKIP LOCKED)
          AND u.id = n.user_id AND u.active AND n.kind = ANY(COALESCE(s.email, '{}'::text[]))
        RETURNING n.id::text AS id, n.user_id AS "userId"`,
    );
    let sent = 0;
    for (const userId of new Set(claimed.map((c) => c.userId))) {
      const user = await this.user(userId);
      if (!user) continue;
      const ids = claimed.filter((c) => c.userId === userId).map((c) => c.id);
      for (const notification of await this.notifications.byIds(user, ids)) {
        const link = notification.link ? `${this.config.publicUrl}${notification.link}` : this.config.publicUrl;
        const label = NOTIFICATION_KIND_LABELS[notification.kind as NotificationKind];
        try {
          await this.mailer.send({
            to: user.email,
            subject: notification.title,
            text: `${notification.title}\n${notification.body ?? ''}\n\nOpen: ${link}\n\nYou get this because "${label}" is on in your AdvisorDesk notification settings.`,
            html: mailHtml(
              notification.title,
              notification.body ? [escape(notification.body)] : [],
              { label: 'Open in AdvisorDesk', url: link },
              `You get this because “${escape(label)}” is on in your notification settings.`,
            ),
          });
          sent++;
        } catch (error) {
          // Tried again next minute, within the hour.
          await this.dataSource.query(`UPDATE notifications SET emailed_at = NULL WHERE id = $1`, [notification.id]);
          this.mailer.log(`Could not send a notification by email: ${(error as Error).message}`);
        }
      }
    }
    return sent;
  }

  /** The morning digest, for `day` (India's today): the day's follow-ups and the overdue ones, once per user and day. */
  async sendDigests(day = istDate()): Promise<number> {
    const users = await queryRows<AuthUser & { token: string | null }>(
      this.dataSource,
      `SELECT u.id, u.role, u.name, u.email FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id
        WHERE u.active AND u.role IN ('advisor', 'manager', 'admin') AND COALESCE(s.digest, true)
          AND EXISTS (SELECT 1 FROM tasks t JOIN leads l ON l.id = t.lead_id WHERE t.owner_id = u.id AND t.done_at IS NULL AND l.erased_at IS NULL
                        AND t.due_at < ($1::date + 1)::timestamp AT TIME ZONE 'Asia/Kolkata')`,
      [day],
    );
    let sent = 0;
    for (const user of users) {
      const [claimed] = await queryRows<{ day: string }>(
        this.dataSource,
        `INSERT INTO digests_sent (user_id, day) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING day`,
        [user.id, day],
      );
      if (!claimed) continue;
      const tasks = await queryRows<DigestTask>(
        this.dataSource,
        `SELECT l.id AS "leadId", l.full_name AS "leadName", t.title, t.due_at AS "dueAt", t.due_at < $2::date::timestamp AT TIME ZONE 'Asia/Kolkata' AS overdue
           FROM tasks t JOIN leads l ON l.id = t.lead_id
          WHERE t.owner_id = $1 AND t.done_at IS NULL AND l.erased_at IS NULL AND t.due_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Kolkata'
            AND (l.advisor_id = $1 OR $3 IN ('manager', 'admin'))
          ORDER BY t.due_at LIMIT 200`,
        [user.id, day, user.role],
      );
      if (!tasks.length) continue;
      const token = await this.digestToken(user.id);
      try {
        await this.mailer.send(this.digest(user, day, tasks, token));
        sent++;
      } catch (error) {
        await this.dataSource.query(`DELETE FROM digests_sent WHERE user_id = $1 AND day = $2`, [user.id, day]);
        throw error;
      }
    }
    return sent;
  }

  private digest(user: AuthUser, day: string, tasks: DigestTask[], token: string) {
    const overdue = tasks.filter((t) => t.overdue);
    const today = tasks.filter((t) => !t.overdue);
    const unsubscribe = `${this.config.publicUrl}/api/public/digest/${token}/unsubscribe`;
    const line = (t: DigestTask) => `${t.overdue ? 'Overdue since ' + formatIstTime(t.dueAt) : formatIstTime(t.dueAt)} — ${t.leadName}: ${t.title}`;
    const htmlLine = (t: DigestTask) =>
      `<a href="${escape(`${this.config.publicUrl}/leads/${t.leadId}`)}" style="color:#1d3a8a">${escape(t.leadName)}</a> · ${escape(t.title)} · ${escape(formatIstTime(t.dueAt))}`;
    const section = (title: string, list: DigestTask[]) => (list.length ? [`<strong>${title}</strong><br>${list.map(htmlLine).join('<br>')}`] : []);
    const subject = `Today: ${today.length} follow-up${today.length === 1 ? '' : 's'}${overdue.length ? `, ${overdue.length} overdue` : ''}`;
    return {
      to: user.email,
      subject,
      text: [
        `Good morning ${user.name.split(/\s+/)[0]}, your follow-ups for ${day}:`,
        ...(overdue.length ? ['', 'Overdue:', ...overdue.map(line)] : []),
        ...(today.length ? ['', 'Today:', ...today.map(line)] : []),
        '',
        `Open AdvisorDesk: ${this.config.publicUrl}/tasks`,
        `Stop this digest: ${unsubscribe}`,
      ].join('\n'),
      html: mailHtml(
        `Good morning ${user.name.split(/\s+/)[0]}`,
        [`Your follow-ups for ${escape(day)}.`, ...section(`Overdue (${overdue.length})`, overdue), ...section(`Today (${today.length})`, today)],
        { label: 'Open my follow-ups', url: `${this.config.publicUrl}/tasks` },
        `The morning digest of AdvisorDesk. <a href="${escape(unsubscribe)}" style="color:#6b7280">Stop this digest</a>.`,
      ),
      headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    };
  }

  private async digestToken(userId: string): Promise<string> {
    // A user without a settings row gets one holding the defaults, so the digest has its unsubscribe token.
    const on = (choice: Record<NotificationKind, boolean>) => NOTIFICATION_KINDS.filter((kind) => choice[kind]);
    await this.dataSource.query(
      `INSERT INTO notification_settings (user_id, bell, email, digest) VALUES ($1, $2, $3, $4) ON CONFLICT (user_id) DO NOTHING`,
      [userId, on(DEFAULT_NOTIFICATION_SETTINGS.bell), on(DEFAULT_NOTIFICATION_SETTINGS.email), DEFAULT_NOTIFICATION_SETTINGS.digest],
    );
    const [row] = await queryRows<{ token: string }>(this.dataSource, `SELECT digest_token AS token FROM notification_settings WHERE user_id = $1`, [
      userId,
    ]);
    return row.token;
  }

  private async user(id: string): Promise<AuthUser | undefined> {
    const [user] = await queryRows<AuthUser>(this.dataSource, `SELECT id, role, name, email FROM users WHERE id = $1 AND active`, [id]);
    return user;
  }
}
