import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  AppError,
  fetchPage,
  fieldError,
  parseListQuery,
  queryChanged,
  queryMaybeOne,
  queryOne,
  RateLimits,
  type AppConfig,
  type ListSpec,
  type Page,
  type RateLimit,
} from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { ConsentService, leadOwningPhone, recordActivity } from '@advisordesk/api-leads';
import {
  DATA_REQUEST_KIND_LABELS,
  DATA_REQUEST_KINDS,
  DATA_REQUEST_STATUSES,
  DATA_REQUEST_VERIFICATIONS,
  formatIstDate,
  normalisePhone,
  type DataRequestAccepted,
  type DataRequestKind,
  type DataRequestVerification,
  type DataRequestVerified,
  type DataRequestView,
} from '@advisordesk/shared';
import { CodeSender } from '../codes/code-sender';
import { VerificationCodes } from '../codes/verification-codes';
import { PrivacyErrors } from '../privacy.errors';
import { retentionSettings } from '../retention/retention-settings';
import type { CreateDataRequestDto, ResolveDataRequestDto } from './data-requests.dto';

export const DATA_REQUEST_LIST: ListSpec = {
  fields: {
    id: { column: 'r.id', type: 'uuid' },
    reference: { column: 'r.reference', type: 'text', sortable: true, required: true },
    kind: { column: 'r.kind', type: 'enum', values: DATA_REQUEST_KINDS, filterable: true, sortable: true, required: true },
    status: { column: 'r.status', type: 'enum', values: DATA_REQUEST_STATUSES, filterable: true, sortable: true, required: true },
    verification: { column: 'r.verification', type: 'enum', values: DATA_REQUEST_VERIFICATIONS, filterable: true },
    leadId: { column: 'r.lead_id', type: 'uuid', filterable: true },
    dueAt: { column: 'r.due_at', type: 'timestamp', filterable: true, sortable: true },
    createdAt: { column: 'r.created_at', type: 'timestamp', filterable: true, sortable: true, required: true },
    resolvedAt: { column: 'r.resolved_at', type: 'timestamp', filterable: true, sortable: true },
  },
  defaultSort: { field: 'dueAt', order: 'asc' },
  tieBreaker: 'r.id',
  search: (p, q) => ({ sql: `(r.reference ILIKE ${p} OR r.phone ILIKE ${p})`, value: `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%` }),
};

const SELECT = `r.id, r.reference, r.kind, r.status, r.verification, r.lead_id AS "leadId", l.full_name AS "leadName", r.phone, r.message,
  r.nominee, r.due_at AS "dueAt", r.created_at AS "createdAt", r.verified_at AS "verifiedAt", r.resolved_at AS "resolvedAt",
  r.resolved_by_id AS "resolvedById", u.name AS "resolvedByName", r.outcome, r.note`;
const FROM = `data_requests r LEFT JOIN leads l ON l.id = r.lead_id LEFT JOIN users u ON u.id = r.resolved_by_id`;

/** What each kind asks, in the words of the code's email ("You asked us …"). */
const ASKED: Record<DataRequestKind, string> = {
  access: 'for a summary of the personal data we hold about you',
  correction: 'to correct your personal data',
  erasure: 'to erase your personal data',
  withdrawal: 'to stop using your data for what you agreed to (withdraw consent)',
  nomination: 'to record a nominee who may act for you',
};

/** Letters and digits that are not confused when read out on a call (no 0/O, 1/I/L). */
const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
function newReference(): string {
  const bytes = randomBytes(8);
  return `DR-${[...bytes].map((b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]).join('')}`;
}

/**
 * Rights requests under the DPDP Act (ss. 11–14): made on `/privacy`, verified by a one-time code
 * (WhatsApp, else email) or a staff call, answered by a due date. The public answers are the same
 * whether or not the number is a lead's, so the page tells nobody who is in the database.
 */
@Injectable()
export class DataRequestsService {
  private readonly logger = new Logger('DataRequests');
  private readonly perAddress: RateLimit;
  private readonly perPhone: RateLimit;
  private readonly codes: VerificationCodes;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sender: CodeSender,
    private readonly consent: ConsentService,
    limits: RateLimits,
  ) {
    this.codes = new VerificationCodes(config.jwtSecret);
    this.perAddress = limits.limiter('data-request', {
      points: config.dataRequestRateLimit,
      durationSec: 3600,
      message: 'Too many requests from this address: please try again in an hour',
    });
    this.perPhone = limits.limiter('data-request-phone', {
      points: 5,
      durationSec: 3600,
      message: 'Too many requests or codes for this number: please try again in an hour',
    });
  }

  /** `POST /api/public/data-requests`: the request, unverified; the code goes out after the answer. */
  async create(body: CreateDataRequestDto, clientAddress: string): Promise<DataRequestAccepted> {
    await this.perAddress.hit(clientAddress);
    const phone = normalisePhone(body.phone);
    if (!phone.ok) throw fieldError('phone', 'phone must be a valid mobile number');
    await this.perPhone.hit(phone.e164);
    const verification = this.sender.channel();
    const nomineePhone = body.nominee ? normalisePhone(body.nominee.phone) : null;
    const nominee = body.nominee ? { name: body.nominee.name.trim(), phone: nomineePhone?.ok ? nomineePhone.e164 : body.nominee.phone } : null;
    const request = await this.dataSource.transaction(async (manager) => {
      const lead = await leadOwningPhone(manager, phone.e164);
      const row = await queryOne<{ id: string; reference: string }>(
        manager,
        `INSERT INTO data_requests (reference, kind, verification, phone, lead_id, message, nominee)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, reference`,
        [
          newReference(),
          body.kind,
          verification,
          phone.e164,
          lead?.id ?? null,
          body.message?.trim() || null,
          nominee ? JSON.stringify(nominee) : null,
        ],
      );
      return { ...row, leadId: lead?.id ?? null };
    });
    // After the answer: how long a send takes must not tell whether the number is a lead's (or has an email).
    if (verification !== 'staff') setImmediate(() => void this.sendCode(request.id, verification, body.kind));
    return { reference: request.reference, verification };
  }

  /** `POST …/:reference/resend`: a new code on the request's channel (the earlier one stops working). */
  async resend(reference: string): Promise<{ verification: DataRequestVerification }> {
    const request = await this.byReference(reference);
    if (request.status !== 'unverified') throw new AppError(PrivacyErrors.notWaitingForCode);
    if (request.verification === 'staff') throw new AppError(PrivacyErrors.noCodeChannel);
    await this.perPhone.hit(`resend:${request.id}`);
    setImmediate(() => void this.sendCode(request.id, request.verification as 'whatsapp' | 'email', request.kind));
    return { verification: request.verification };
  }

  /** `POST …/:reference/verify {code}`: right → open, with its due date; the fifth wrong code ends the request. */
  async verify(reference: string, code: string): Promise<DataRequestVerified> {
    const request = await this.byReference(reference);
    if (request.status === 'refused' && request.verifiedAt === null) throw new AppError(PrivacyErrors.tooManyWrongCodes);
    if (request.status !== 'unverified') throw new AppError(PrivacyErrors.notWaitingForCode);
    if (request.verification === 'staff') throw new AppError(PrivacyErrors.noCodeChannel);
    // Each try is counted in its own statement, committed whatever the answer.
    const checked = await this.codes.check(this.dataSource, { dataRequestId: request.id }, code);
    if (!checked.ok) {
      if (checked.ended)
        await this.dataSource.query(
          `UPDATE data_requests SET status = 'refused', outcome = 'refused', note = 'Five wrong codes', resolved_at = now(), version = version + 1
            WHERE id = $1 AND status = 'unverified'`,
          [request.id],
        );
      throw checked.error;
    }
    const opened = await this.dataSource.transaction((manager) => this.open(manager, request.id, null));
    if (!opened) throw new AppError(PrivacyErrors.notWaitingForCode);
    return { reference: request.reference, status: 'open', dueAt: opened.dueAt.toISOString() };
  }

  list(query: Record<string, unknown>): Promise<Page<DataRequestView<Date>>> {
    return fetchPage<DataRequestView<Date>>(this.dataSource, SELECT, FROM, parseListQuery(query, DATA_REQUEST_LIST));
  }

  async get(id: string, db: EntityManager | DataSource = this.dataSource): Promise<DataRequestView<Date>> {
    const row = await queryMaybeOne<DataRequestView<Date>>(db, `SELECT ${SELECT} FROM ${FROM} WHERE r.id = $1`, [id]);
    if (!row) throw new AppError(PrivacyErrors.requestNotFound);
    return row;
  }

  /** `POST /api/data-requests/:id/verify {note}`: staff called the number and confirmed it is the person. */
  async verifiedByStaff(user: AuthUser, id: string, note: string): Promise<DataRequestView<Date>> {
    return this.dataSource.transaction(async (manager) => {
      await this.get(id, manager);
      const opened = await this.open(manager, id, { userId: user.id, note: note.trim() });
      if (!opened) throw new AppError(PrivacyErrors.notUnverified);
      return this.get(id, manager);
    });
  }

  /**
   * `POST /api/data-requests/:id/resolve`: done or refused, with a note. Done does what was asked
   * where the app can: erasure erases, withdrawal withdraws both consents, nomination records the
   * nominee on the timeline; access and correction are staff's work before resolving.
   */
  async resolve(user: AuthUser, id: string, body: ResolveDataRequestDto): Promise<DataRequestView<Date>> {
    return this.dataSource.transaction(async (manager) => {
      const [request] = await queryChanged<{ kind: DataRequestKind; leadId: string | null; reference: string; nominee: unknown }>(
        manager,
        `UPDATE data_requests SET status = $2, outcome = $2, note = $3, resolved_at = now(), resolved_by_id = $4, version = version + 1
          WHERE id = $1 AND status = 'open' RETURNING kind, lead_id AS "leadId", reference, nominee`,
        [id, body.outcome, body.note.trim(), user.id],
      );
      if (!request) {
        await this.get(id, manager);
        throw new AppError(PrivacyErrors.notOpen);
      }
      if (request.leadId && body.outcome === 'done') {
        if (request.kind === 'erasure')
          await this.consent.erasePerson(manager, request.leadId, null, { via: 'request', reference: request.reference });
        if (request.kind === 'withdrawal') await this.consent.withdrawAll(manager, request.leadId, user.id, request.reference);
        if (request.kind === 'nomination') {
          const nominee = request.nominee as { name: string; phone: string } | null;
          await recordActivity(manager, request.leadId, 'privacy', user.id, {
            action: 'nominee',
            reference: request.reference,
            nominee: nominee ? `${nominee.name}, ${nominee.phone}` : null,
          });
        }
      }
      if (request.leadId && request.kind !== 'erasure')
        await recordActivity(manager, request.leadId, 'privacy', user.id, {
          action: 'resolved',
          kind: request.kind,
          outcome: body.outcome,
          reference: request.reference,
          note: body.note.trim(),
        });
      return this.get(id, manager);
    });
  }

  /** Unverified → open, due in the admins' number of days; managers and admins are told (the bell's `privacy.request`). */
  private async open(db: EntityManager, id: string, staff: { userId: string; note: string } | null): Promise<{ dueAt: Date } | undefined> {
    const { requestDueDays } = await retentionSettings(db);
    const [row] = await queryChanged<{ dueAt: Date; kind: DataRequestKind; reference: string; leadId: string | null }>(
      db,
      `UPDATE data_requests SET status = 'open', verified_at = now(), verified_by_id = $3, due_at = now() + make_interval(days => $2),
              note = COALESCE($4, note), version = version + 1
        WHERE id = $1 AND status = 'unverified' RETURNING due_at AS "dueAt", kind, reference, lead_id AS "leadId"`,
      [id, requestDueDays, staff?.userId ?? null, staff ? `Verified by a call: ${staff.note}` : null],
    );
    if (!row) return undefined;
    // On the lead's timeline once verified: before that, anyone could have typed the number.
    if (row.leadId)
      await recordActivity(db, row.leadId, 'privacy', staff?.userId ?? null, { action: 'request', kind: row.kind, reference: row.reference });
    await db.query(
      `INSERT INTO notifications (user_id, kind, title, body, lead_id, link, dedupe_key)
       SELECT u.id, 'privacy.request', $2, $3, $4, '/data-requests/' || $1::text, 'privacy.request:' || $1::text
         FROM users u WHERE u.role IN ('manager', 'admin') AND u.active
       ON CONFLICT (user_id, dedupe_key) DO NOTHING`,
      [id, `Rights request ${row.reference}: ${DATA_REQUEST_KIND_LABELS[row.kind].toLowerCase()}`, `due ${formatIstDate(row.dueAt)}`, row.leadId],
    );
    return { dueAt: row.dueAt };
  }

  private async byReference(reference: string) {
    if (!/^DR-[A-Z0-9]{8}$/.test(reference)) throw new AppError(PrivacyErrors.requestNotFound);
    const request = await queryMaybeOne<{
      id: string;
      reference: string;
      kind: DataRequestKind;
      status: string;
      verification: DataRequestVerification;
      verifiedAt: Date | null;
    }>(this.dataSource, `SELECT id, reference, kind, status, verification, verified_at AS "verifiedAt" FROM data_requests WHERE reference = $1`, [
      reference,
    ]);
    if (!request) throw new AppError(PrivacyErrors.requestNotFound);
    return request;
  }

  /** A new code on WhatsApp to the number given, or by email to the lead's address (none: nothing is sent, staff will call). */
  private async sendCode(requestId: string, via: 'whatsapp' | 'email', kind: DataRequestKind): Promise<void> {
    try {
      const target = await queryOne<{ phone: string | null; email: string | null }>(
        this.dataSource,
        `SELECT r.phone, l.email FROM data_requests r LEFT JOIN leads l ON l.id = r.lead_id AND l.erased_at IS NULL WHERE r.id = $1`,
        [requestId],
      );
      if (via === 'email' && !target.email) return;
      if (via === 'whatsapp' && !target.phone) return;
      const { code } = await this.codes.issue(this.dataSource, { dataRequestId: requestId }, via, null);
      if (via === 'whatsapp') await this.sender.byWhatsapp(target.phone as string, code);
      else await this.sender.byEmail(target.email as string, code, ASKED[kind], `${this.config.publicUrl}/privacy`);
    } catch (error) {
      this.logger.warn(`The code of data request ${requestId} was not sent: ${(error as Error).message}`);
    }
  }
}
