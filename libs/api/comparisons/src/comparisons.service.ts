import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  COMPARISON_VALID_DAYS,
  formatInr,
  waDigits,
  type ComparisonContact,
  type ComparisonShare as ComparisonShareWire,
  type SharedComparison,
} from '@advisordesk/shared';
import {
  APP_CONFIG,
  AppError,
  fieldError,
  isPublicToken,
  newPublicToken,
  publicContact,
  queryChanged,
  queryMaybeOne,
  queryOne,
  queryRows,
  type AppConfig,
} from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { CURRENT_FEE_JOIN, ProgramsService } from '@advisordesk/api-catalogue';
import { LeadsService, recordActivity, unsubscribeUrl } from '@advisordesk/api-leads';
import { toComparedProgram, type ComparisonSnapshot, type PublicComparison } from './comparison.snapshot';
import { ComparisonErrors } from './comparisons.errors';

/** What sharing a comparison answers (the comparisons contract's). */
export type ComparisonShare = ComparisonShareWire<Date>;

@Injectable()
export class ComparisonsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly leads: LeadsService,
    private readonly programs: ProgramsService,
  ) {}

  /** Freezes 2 to 5 programs with their current fees, and answers the link and a ready WhatsApp message. */
  async create(user: AuthUser, leadId: string, programIds: string[]): Promise<ComparisonShare> {
    const lead = await this.leads.get(user, leadId);
    if (lead.erasedAt) throw new AppError(ComparisonErrors.leadErased);
    if (!lead.phone) throw new AppError(ComparisonErrors.noPhone);
    if (lead.isMinor && !lead.guardianVerifiedAt) throw new AppError(ComparisonErrors.minorWithoutGuardian);
    const found = await this.programs.getMany(programIds);
    if (found.length !== programIds.length) throw fieldError('programIds', 'programIds must all be existing programs');
    const programs = found.map(toComparedProgram);
    const firstName = lead.fullName.split(/\s+/)[0];
    const snapshot: ComparisonSnapshot = { firstName, advisorName: user.name, createdAt: new Date().toISOString(), programs };
    const token = newPublicToken();
    const expiresAt = new Date(Date.now() + COMPARISON_VALID_DAYS * 86_400_000);
    const url = `${this.config.publicUrl}/c/${token}`;
    const fees = programs.flatMap((p) => (p.fee ? [p.fee.totalPaise] : []));
    const message =
      `Hi ${firstName}, as promised here is your comparison of ${programs.length} programs: ` +
      programs.map((p) => `${p.name} (${p.universityName})`).join(', ') +
      `. ${fees.length ? `Total fees start at ${formatInr(Math.min(...fees))}. ` : ''}See the full fee breakdown here: ${url}\n— ${user.name}` +
      `\n\nTo stop messages from us: ${await this.unsubscribeLink(leadId)}` +
      `\nYour data rights: ${this.config.publicUrl}/privacy`;
    const whatsappUrl = `https://wa.me/${waDigits(lead.phone)}?text=${encodeURIComponent(message)}`;
    const id = await this.dataSource.transaction(async (manager) => {
      const row = await queryOne<{ id: string }>(
        manager,
        `INSERT INTO comparisons (lead_id, token, snapshot, created_by, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [leadId, token, JSON.stringify(snapshot), user.id, expiresAt],
      );
      await recordActivity(manager, leadId, 'comparison', user.id, {
        comparisonId: row.id,
        programs: programs.map((p) => `${p.name}, ${p.universityName}`),
        url,
      });
      return row.id;
    });
    return { id, token, url, whatsappUrl, message, expiresAt };
  }

  /** Every message we send carries the link that stops them (DPDP: withdrawing is as easy as consenting). */
  private async unsubscribeLink(leadId: string): Promise<string> {
    const [{ token }] = await queryRows<{ token: string }>(this.dataSource, `SELECT unsubscribe_token AS token FROM leads WHERE id = $1`, [leadId]);
    return unsubscribeUrl(this.config.publicUrl, token);
  }

  /**
   * The comparisons sent to the lead, newest first, each with the programs whose fee (total or session) is no longer what it
   * shows (`feesChanged`, live comparisons only): one query comparing each snapshot with the programs' current fees.
   */
  async listForLead(user: AuthUser, leadId: string): Promise<SharedComparison<Date>[]> {
    await this.leads.assertVisible(user, leadId);
    const rows = await queryRows<Omit<SharedComparison<Date>, 'url'>>(
      this.dataSource,
      `SELECT c.id, c.token, c.created_at AS "createdAt", c.expires_at AS "expiresAt", c.view_count AS "viewCount", c.last_viewed_at AS "lastViewedAt",
              u.name AS "createdBy", jsonb_array_length(c.snapshot->'programs') AS programs,
              (SELECT COALESCE(jsonb_agg(x.e->>'id' ORDER BY x.n), '[]'::jsonb) FROM jsonb_array_elements(c.snapshot->'programs') WITH ORDINALITY AS x(e, n)) AS "programIds",
              CASE WHEN c.expires_at <= now() THEN '[]'::jsonb ELSE (
                SELECT COALESCE(jsonb_agg(jsonb_build_object(
                         'programId', p.id, 'programName', x.e->>'name', 'universityName', x.e->>'universityName',
                         'sentSession', x.e->'fee'->>'session', 'currentSession', cf.session,
                         'sentTotalPaise', (x.e->'fee'->>'totalPaise')::bigint, 'currentTotalPaise', cf.total_paise) ORDER BY x.n), '[]'::jsonb)
                  FROM jsonb_array_elements(c.snapshot->'programs') WITH ORDINALITY AS x(e, n)
                  JOIN programs p ON p.id = (x.e->>'id')::uuid
                  ${CURRENT_FEE_JOIN}
                 WHERE (x.e->'fee'->>'totalPaise')::bigint IS DISTINCT FROM cf.total_paise OR x.e->'fee'->>'session' IS DISTINCT FROM cf.session)
              END AS "feesChanged"
         FROM comparisons c LEFT JOIN users u ON u.id = c.created_by WHERE c.lead_id = $1 ORDER BY c.created_at DESC`,
      [leadId],
    );
    return rows.map((r) => ({ ...r, url: `${this.config.publicUrl}/c/${r.token}` }));
  }

  /** The public page's data: no login, only the first name, 404 unknown (or erased), 410 expired. */
  async publicView(token: string): Promise<PublicComparison> {
    if (!isPublicToken(token)) throw new AppError(ComparisonErrors.notFound);
    const rows = await queryChanged<{ snapshot: ComparisonSnapshot; expiresAt: Date; advisorName: string | null; advisorPhone: string | null }>(
      this.dataSource,
      // An erased person's comparisons are deleted with their data; the join refuses any left behind.
      `UPDATE comparisons c SET view_count = view_count + 1, last_viewed_at = now() FROM leads l
        WHERE c.token = $1 AND l.id = c.lead_id AND l.erased_at IS NULL
        RETURNING c.snapshot, c.expires_at AS "expiresAt",
                  (SELECT u.name FROM users u WHERE u.id = c.created_by AND u.active) AS "advisorName",
                  (SELECT u.phone FROM users u WHERE u.id = c.created_by AND u.active) AS "advisorPhone"`,
      [token],
    );
    const row = rows[0];
    if (!row) throw new AppError(ComparisonErrors.notFound);
    if (new Date(row.expiresAt).getTime() <= Date.now()) throw new AppError(ComparisonErrors.expired);
    return { ...row.snapshot, expiresAt: new Date(row.expiresAt).toISOString(), contact: this.contact(row.advisorName, row.advisorPhone) };
  }

  /**
   * Whom the student of a comparison link can call or WhatsApp, also when the link has expired: the advisor who sent it (if still
   * active and with a phone), else the service number (`SUPPORT_PHONE`); for an unknown link, only the service number.
   */
  async contactFor(token: string): Promise<ComparisonContact | null> {
    const advisor = isPublicToken(token)
      ? await queryMaybeOne<{ name: string | null; phone: string | null }>(
          this.dataSource,
          `SELECT u.name, u.phone FROM comparisons c JOIN leads l ON l.id = c.lead_id AND l.erased_at IS NULL
             LEFT JOIN users u ON u.id = c.created_by AND u.active WHERE c.token = $1`,
          [token],
        )
      : null;
    return this.contact(advisor?.name ?? null, advisor?.phone ?? null);
  }

  private contact(advisorName: string | null, advisorPhone: string | null): ComparisonContact | null {
    return publicContact(this.config.supportPhone, advisorName, advisorPhone);
  }
}
