import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, escapeHtml, queryChanged, queryOne, queryRows, type AppConfig } from '@advisordesk/api-core';
import { JobsService } from '@advisordesk/api-jobs';
import { ConsentService } from '@advisordesk/api-leads';
import { Mailer } from '@advisordesk/api-notifications';
import { formatIstDateTime, RETENTION_WARNING_HOURS, type RetentionSettings, type RetentionStatus } from '@advisordesk/shared';
import { retentionSettings } from './retention-settings';
import type { RetentionSettingsDto } from './retention.dto';

export const RETENTION_QUEUE = 'privacy.retention';
/** A warning counts for this long: a lead warned earlier (retention off since, say) is warned again first. */
const WARNING_VALID_DAYS = 30;
/** Erased per transaction: a long run never holds many leads at once. */
const ERASE_CHUNK = 100;

/**
 * The SQL condition (alias `l`) of a lead past its retention: no inquiry, WhatsApp message or
 * timeline entry since the cutoff of its kind ($1 months for leads that did not enrol, $2 for
 * enrolled students), and created before it. Each NOT EXISTS walks the table's (lead, time) index.
 */
const DUE = `l.erased_at IS NULL
  AND l.created_at < now() - make_interval(months => CASE WHEN l.status = 'enrolled' THEN $2::int ELSE $1::int END)
  AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.lead_id = l.id
                   AND a.created_at >= now() - make_interval(months => CASE WHEN l.status = 'enrolled' THEN $2::int ELSE $1::int END))
  AND NOT EXISTS (SELECT 1 FROM inquiries i WHERE i.lead_id = l.id
                   AND i.received_at >= now() - make_interval(months => CASE WHEN l.status = 'enrolled' THEN $2::int ELSE $1::int END))
  AND NOT EXISTS (SELECT 1 FROM whatsapp_messages m WHERE m.lead_id = l.id
                   AND m.created_at >= now() - make_interval(months => CASE WHEN l.status = 'enrolled' THEN $2::int ELSE $1::int END))`;
/** Warned within the last WARNING_VALID_DAYS and at least RETENTION_WARNING_HOURS ago. */
const WARNED_LONG_ENOUGH = `l.retention_warned_at > now() - make_interval(days => ${WARNING_VALID_DAYS})
  AND l.retention_warned_at <= now() - make_interval(hours => ${RETENTION_WARNING_HOURS})`;
const NOT_WARNED = `(l.retention_warned_at IS NULL OR l.retention_warned_at <= now() - make_interval(days => ${WARNING_VALID_DAYS}))`;

/**
 * Retention (DPDP Act s. 8(7), Rules 2025 rule 8): personal data goes once its purpose is served.
 * Each night, when the admins have switched it on, leads past their retention are warned (by email
 * where we hold one) and erased 48 hours later if nothing happened meanwhile; each run's counts are
 * kept for reports. The processing and export logs are not touched: they are kept (rule 8(3): a year at least).
 */
@Injectable()
export class RetentionService implements OnModuleInit {
  private readonly logger = new Logger('Retention');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
    private readonly consent: ConsentService,
    private readonly mailer: Mailer,
  ) {}

  onModuleInit(): void {
    this.jobs.define<object>({
      queue: RETENTION_QUEUE,
      handler: async () => ({ ...(await this.run()) }),
      policy: 'singleton',
      retryLimit: 2,
      expireInSeconds: 3600,
      // 03:30 India time, when nobody works.
      schedule: { cron: '30 3 * * *' },
    });
  }

  async status(): Promise<RetentionStatus<Date>> {
    const settings = await retentionSettings(this.dataSource);
    const params = [settings.inactiveMonths, settings.enrolledMonths];
    const [counts, months, last] = await Promise.all([
      queryOne<{ warned: number; dueSoon: number }>(
        this.dataSource,
        `SELECT count(*) FILTER (WHERE l.retention_warned_at > now() - make_interval(days => ${WARNING_VALID_DAYS}))::int AS warned,
                count(*) FILTER (WHERE ${NOT_WARNED})::int AS "dueSoon"
           FROM leads l WHERE ${DUE}`,
        params,
      ),
      queryRows<{ month: string; count: number }>(
        this.dataSource,
        `SELECT to_char(date_trunc('month', ran_at AT TIME ZONE 'Asia/Kolkata'), 'YYYY-MM') AS month,
                sum(erased_inactive + erased_enrolled)::int AS count
           FROM retention_runs WHERE ran_at > now() - interval '12 months' GROUP BY 1 ORDER BY 1`,
      ),
      queryRows<{ ranAt: Date }>(this.dataSource, `SELECT ran_at AS "ranAt" FROM retention_runs ORDER BY ran_at DESC LIMIT 1`),
    ]);
    return { ...settings, ...counts, erasedByMonth: months, lastRunAt: last[0]?.ranAt ?? null };
  }

  async update(body: RetentionSettingsDto): Promise<RetentionStatus<Date>> {
    const value: RetentionSettings = {
      inactiveMonths: body.inactiveMonths,
      enrolledMonths: body.enrolledMonths,
      enabled: body.enabled,
      requestDueDays: body.requestDueDays,
    };
    await this.dataSource.query(
      `INSERT INTO app_settings (key, value) VALUES ('retention', $1::jsonb)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [JSON.stringify(value)],
    );
    return this.status();
  }

  /** One run: erase the leads warned 48 hours ago and still past retention, then warn the newly due. */
  async run(): Promise<{ warned: number; erasedInactive: number; erasedEnrolled: number }> {
    const settings = await retentionSettings(this.dataSource);
    if (!settings.enabled) return { warned: 0, erasedInactive: 0, erasedEnrolled: 0 };
    const params = [settings.inactiveMonths, settings.enrolledMonths];
    const due = await queryRows<{ id: string; enrolled: boolean }>(
      this.dataSource,
      `SELECT l.id, l.status = 'enrolled' AS enrolled FROM leads l WHERE ${DUE} AND ${WARNED_LONG_ENOUGH}`,
      params,
    );
    let erasedInactive = 0;
    let erasedEnrolled = 0;
    for (let i = 0; i < due.length; i += ERASE_CHUNK) {
      const chunk = due.slice(i, i + ERASE_CHUNK);
      await this.dataSource.transaction(async (manager) => {
        for (const lead of chunk) {
          // Checked again under the lead's lock: an inquiry may have arrived since the list was read.
          const [still] = await queryRows<{ id: string }>(
            manager,
            `SELECT l.id FROM leads l WHERE l.id = $3 AND ${DUE} AND ${WARNED_LONG_ENOUGH} FOR UPDATE`,
            [...params, lead.id],
          );
          if (!still) continue;
          await this.consent.erasePerson(manager, lead.id, null, { via: 'retention' });
          if (lead.enrolled) erasedEnrolled++;
          else erasedInactive++;
        }
      });
    }
    const warned = await queryChanged<{ id: string; fullName: string; email: string | null; enrolled: boolean }>(
      this.dataSource,
      `UPDATE leads l SET retention_warned_at = now() WHERE l.id IN (SELECT l.id FROM leads l WHERE ${DUE} AND ${NOT_WARNED})
       RETURNING l.id, l.full_name AS "fullName", l.email, l.status = 'enrolled' AS enrolled`,
      params,
    );
    if (this.mailer.connected) for (const lead of warned) if (lead.email) await this.warnByEmail(lead);
    await this.dataSource.query(`INSERT INTO retention_runs (warned, erased_inactive, erased_enrolled) VALUES ($1, $2, $3)`, [
      warned.length,
      erasedInactive,
      erasedEnrolled,
    ]);
    if (warned.length || erasedInactive || erasedEnrolled)
      this.logger.log(`Retention: warned ${warned.length}, erased ${erasedInactive} inactive and ${erasedEnrolled} enrolled`);
    return { warned: warned.length, erasedInactive, erasedEnrolled };
  }

  private async warnByEmail(lead: { fullName: string; email: string | null }): Promise<void> {
    const when = formatIstDateTime(new Date(Date.now() + RETENTION_WARNING_HOURS * 3_600_000));
    const first = lead.fullName.trim().split(/\s+/)[0] || 'there';
    const text = `Hello ${first},\n\nWe have not heard from you for a long time, so we will erase the personal data we hold about you on ${when} (India time), as our privacy notice says.\n\nIf you would like us to keep helping you, reply to this email or send us a new inquiry before then.\n\nYour data rights: ${this.config.publicUrl}/privacy`;
    await this.mailer
      .send({
        to: lead.email as string,
        subject: 'We will erase your data in 48 hours',
        text,
        html: text
          .split('\n\n')
          .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
          .join(''),
      })
      .catch((error: Error) => this.logger.warn(`A retention warning was not sent: ${error.message}`));
  }
}
