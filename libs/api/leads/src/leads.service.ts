import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { LEAD_PROFILE_FIELDS, normalisePhone, stateToStore, type LeadProfileField, type LeadStatus } from '@advisordesk/shared';
import {
  AppError,
  columnName,
  fetchPage,
  fieldError,
  isUniqueViolation,
  parseListQuery,
  queryAffected,
  queryMaybeOne,
  queryRows,
  type Page,
  type ParsedList,
} from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import type { CreateLeadDto, UpdateLeadDto } from './dto/update-lead.dto';
import { leadVisibility, limitToVisibleLeads } from './lead-access';
import { LEAD_LIST } from './lead-list';
import { LEAD_COLUMNS, LEAD_FROM, type LeadView } from './lead.view';
import { LeadsErrors } from './leads.errors';
import { staleVersionError } from './stale-version';
import { recordActivity } from './activity';
import { AssignmentService } from './assignment.service';
import { newReference } from './reference';
import { recordStaffConsent } from './staff-consent';

type Db = Pick<EntityManager, 'query'>;

/** A profile value as it is stored: text trimmed, the phone in E.164 (null if not a mobile number), the email in lower case, a recognised state by its name. */
function storedProfileValue(field: LeadProfileField, raw: unknown): unknown {
  if (raw === undefined || raw === null) return null;
  if (field === 'state') return stateToStore(String(raw));
  if (field === 'phone') {
    const phone = normalisePhone(String(raw));
    return phone.ok ? phone.e164 : null;
  }
  const value = typeof raw === 'string' ? raw.trim() : raw;
  return field === 'email' && typeof value === 'string' ? value.toLowerCase() : value;
}

/** The lead list and filters, parsed once with the user's row-level access applied (also used by exports and reports). */
export function leadListQuery(user: AuthUser, query: Record<string, unknown>, extra: { passThrough?: readonly string[] } = {}): ParsedList {
  const list = parseListQuery(query, { ...LEAD_LIST, passThrough: extra.passThrough });
  // People whose data was erased leave the working list unless asked for (`erased=true`).
  if (query.erased === undefined) list.where.push('l.erased_at IS NULL');
  return limitToVisibleLeads(list, user);
}

@Injectable()
export class LeadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignment: AssignmentService,
  ) {}

  async list(user: AuthUser, query: Record<string, unknown>): Promise<Page<LeadView>> {
    return fetchPage<LeadView>(this.dataSource, LEAD_COLUMNS, LEAD_FROM, leadListQuery(user, query));
  }

  async get(user: AuthUser, id: string, db: Db = this.dataSource): Promise<LeadView> {
    const visibility = leadVisibility(user, 2);
    const lead = await queryMaybeOne<LeadView>(db, `SELECT ${LEAD_COLUMNS} FROM ${LEAD_FROM} WHERE l.id = $1 AND ${visibility.sql}`, [
      id,
      ...visibility.params,
    ]);
    if (!lead) throw new AppError(LeadsErrors.notFound);
    return lead;
  }

  /** 404 unless the user may see the lead. */
  async assertVisible(user: AuthUser, id: string, db: Db = this.dataSource): Promise<void> {
    const visibility = leadVisibility(user, 2);
    const row = await queryMaybeOne<unknown>(db, `SELECT 1 FROM leads l WHERE l.id = $1 AND ${visibility.sql}`, [id, ...visibility.params]);
    if (!row) throw new AppError(LeadsErrors.notFound);
  }

  /** 404 unless visible, 410 once the lead's personal data was erased. */
  async assertWritable(user: AuthUser, id: string, db: Db = this.dataSource): Promise<{ status: string; version: number; advisorId: string | null }> {
    const visibility = leadVisibility(user, 2);
    const row = await queryMaybeOne<{ status: LeadStatus; version: number; advisorId: string | null; erasedAt: Date | null }>(
      db,
      `SELECT l.status, l.version, l.advisor_id AS "advisorId", l.erased_at AS "erasedAt" FROM leads l WHERE l.id = $1 AND ${visibility.sql}`,
      [id, ...visibility.params],
    );
    if (!row) throw new AppError(LeadsErrors.notFound);
    if (row.erasedAt) throw new AppError(LeadsErrors.erased);
    return row;
  }

  /**
   * Staff are colleagues: a phone that is already a lead is a 409 saying whose it is, with the
   * lead's id when the user may open it, so an advisor is never stuck at "already exists".
   */
  private async refuseTakenPhone(user: AuthUser, phone: string, db: Db, exceptLeadId?: string): Promise<void> {
    const visibility = leadVisibility(user, 3);
    // A phone is taken as a lead's own or as one of its alternate phones (a lead merged into it).
    const taken = await queryMaybeOne<{ id: string; reference: string; visible: boolean; ownerId: string | null; ownerName: string | null }>(
      db,
      `SELECT l.id, l.reference, (${visibility.sql}) AS visible, a.id AS "ownerId", a.name AS "ownerName"
         FROM leads l LEFT JOIN users a ON a.id = l.advisor_id
        WHERE (l.phone = $1 OR l.alternate_phones @> ARRAY[$1]::text[]) AND l.id IS DISTINCT FROM $2::uuid
        LIMIT 1`,
      [phone, exceptLeadId ?? null, ...visibility.params],
    );
    if (!taken) return;
    const owner = taken.ownerId ? { id: taken.ownerId, name: taken.ownerName ?? '' } : null;
    const whose = owner ? (owner.id === user.id ? 'yours' : `${owner.name}'s`) : 'not assigned to anyone yet';
    const message = taken.visible
      ? `This phone is already lead ${taken.reference} (${whose}): open it instead`
      : owner
        ? `This phone is already a lead of ${owner.name}: ask ${owner.name.split(/\s+/)[0]} or your manager to transfer it to you`
        : 'This phone is already a lead that is not assigned yet: ask your manager to assign it to you';
    // Someone who may not open it still gets the id to ask for it by (POST /api/leads/:id/transfer-requests): it opens nothing.
    throw new AppError(LeadsErrors.phoneTaken, [{ field: 'phone', message }], message, {
      owner,
      ...(taken.visible ? { leadId: taken.id } : { transferLeadId: taken.id }),
    });
  }

  /**
   * The 409 for an edit made on an old version: who changed the lead last and when, so the person
   * knows whether it was their other window or a colleague (`details.updatedBy`, `details.updatedAt`).
   */
  staleVersion(user: AuthUser, id: string, db: Db = this.dataSource): Promise<AppError> {
    return staleVersionError(db, 'leads', id, user, LeadsErrors);
  }

  /** A lead entered by hand. An advisor's lead is theirs; otherwise it is assigned as intake would. */
  async create(user: AuthUser, body: CreateLeadDto): Promise<LeadView> {
    const phone = normalisePhone(body.phone);
    if (!phone.ok) throw fieldError('phone', 'phone must be a valid mobile number');
    const consented = body.consentWhatsapp === true || body.consentMarketing === true;
    if (consented && !body.consentChannel)
      throw fieldError('consentChannel', 'consentChannel is required with a consent: how did the person give it?');
    return this.dataSource.transaction(async (manager) => {
      await this.refuseTakenPhone(user, phone.e164, manager);
      const ownLead = user.role === 'advisor';
      // Someone else's entry is assigned as intake would: the assignment lock first, then the insert.
      let turn: { advisorId: string; at: Date } | undefined;
      if (!ownLead) {
        await this.assignment.lock(manager);
        [turn] = await this.assignment.takeTurns(manager, 1);
      }
      const columns = ['reference', ...LEAD_PROFILE_FIELDS.map(columnName), 'source', 'utm_campaign', 'advisor_id', 'updated_by'];
      const values = [
        newReference(),
        ...LEAD_PROFILE_FIELDS.map((field) => storedProfileValue(field, body[field])),
        body.source,
        body.utmCampaign ?? null,
        ownLead ? user.id : (turn?.advisorId ?? null),
        user.id,
      ];
      const [{ id }] = await queryRows<{ id: string }>(
        manager,
        `INSERT INTO leads (${columns.join(', ')}) VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')})
         ON CONFLICT (phone) WHERE phone IS NOT NULL DO NOTHING RETURNING id`,
        values,
      ).then(async (rows) => {
        // Someone else's entry won the race for this phone between our check and the insert.
        if (!rows.length) await this.refuseTakenPhone(user, phone.e164, this.dataSource);
        return rows;
      });
      await recordActivity(manager, id, 'inquiry', user.id, { source: body.source, enteredBy: user.name });
      const advisorId = ownLead ? user.id : turn?.advisorId;
      if (advisorId) {
        const toName = ownLead
          ? user.name
          : (await queryMaybeOne<{ name: string }>(manager, `SELECT name FROM users WHERE id = $1`, [advisorId]))?.name;
        await recordActivity(manager, id, 'assignment', user.id, { to: advisorId, toName: toName ?? null, automatic: !ownLead });
      }
      if (consented && body.consentChannel) {
        // Only what was agreed to: a box left unticked withdraws nothing on a new lead.
        const consent = {
          ...(body.consentWhatsapp ? { whatsapp: true } : {}),
          ...(body.consentMarketing ? { marketing: true } : {}),
          channel: body.consentChannel,
        };
        await recordStaffConsent(manager, id, user.id, consent);
      }
      return this.get(user, id, manager);
    });
  }

  /** Profile edits, optimistic: `UPDATE … WHERE version = $v`, a stale version is a 409 with nothing changed. */
  async update(user: AuthUser, id: string, body: UpdateLeadDto): Promise<LeadView> {
    const { version, ...fields } = body;
    return this.dataSource
      .transaction(async (manager) => {
        const before = await this.get(user, id, manager);
        if (before.erasedAt) throw new AppError(LeadsErrors.erased);
        const sets: string[] = [];
        const params: unknown[] = [id, version];
        const changed: Record<string, { from: unknown; to: unknown }> = {};
        for (const field of LEAD_PROFILE_FIELDS) {
          if (fields[field] === undefined) continue;
          const value = storedProfileValue(field, fields[field]);
          if (value === before[field]) continue;
          if (field === 'phone' && typeof value === 'string') await this.refuseTakenPhone(user, value, manager, id);
          params.push(value);
          sets.push(`${columnName(field)} = $${params.length}`);
          changed[field] = { from: before[field], to: value };
        }
        const updatedBy = params.push(user.id);
        const visibility = leadVisibility(user, params.length + 1);
        params.push(...visibility.params);
        const updated = await queryAffected(
          manager,
          `UPDATE leads l SET ${[...sets, 'version = version + 1', 'updated_at = now()', `updated_by = $${updatedBy}`].join(', ')}
          WHERE l.id = $1 AND l.version = $2 AND ${visibility.sql} RETURNING l.id`,
          params,
        );
        if (updated !== 1) throw await this.staleVersion(user, id, manager);
        if (Object.keys(changed).length) await recordActivity(manager, id, 'profile', user.id, { changed: Object.keys(changed) });
        return this.get(user, id, manager);
      })
      .catch(async (error) => {
        if (body.phone && isUniqueViolation(error)) {
          const phone = normalisePhone(body.phone);
          if (phone.ok) await this.refuseTakenPhone(user, phone.e164, this.dataSource);
        }
        throw error;
      });
  }
}
