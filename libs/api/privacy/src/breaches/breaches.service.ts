import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AppError,
  errorOnField,
  fetchPage,
  fieldError,
  parseListQuery,
  queryAffected,
  queryMaybeOne,
  queryOne,
  queryRows,
  type ListSpec,
  type Page,
  type Queryable,
} from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import {
  BREACH_REPORT_HOURS,
  BREACH_STATUSES,
  isCalendarDay,
  istDayBounds,
  type BreachBody,
  type BreachDetail,
  type BreachStatus,
  type BreachView,
  type NoticeContact,
} from '@advisordesk/shared';
import { boardReport, personNotice } from './breach-drafts';
import { BreachErrors } from './breaches.errors';
import type { UpdateBreachDto } from './breaches.dto';

/** The affected people a breach's page lists; `affectedCount` is the whole number. */
export const BREACH_AFFECTED_SHOWN = 500;
/** A clock a few seconds ahead of ours is not "the future". */
const CLOCK_SKEW_MS = 60_000;

const FROM = `breaches b LEFT JOIN users u ON u.id = b.created_by`;
const COLUMNS = `b.id, b.discovered_at AS "discoveredAt", b.discovered_at + make_interval(hours => ${BREACH_REPORT_HOURS}) AS "reportDueAt",
  b.description, b.data_concerned AS "dataConcerned", b.measures, b.status, b.reported_at AS "reportedAt", b.created_at AS "createdAt",
  u.name AS "createdByName", b.version,
  (SELECT count(*)::int FROM breach_leads bl WHERE bl.breach_id = b.id) AS "affectedCount"`;

export const BREACH_LIST: ListSpec = {
  fields: {
    discoveredAt: { column: 'b.discovered_at', type: 'timestamp', sortable: true, required: true, filterable: true },
    createdAt: { column: 'b.created_at', type: 'timestamp', sortable: true, required: true, filterable: true },
    status: { column: 'b.status', type: 'enum', values: BREACH_STATUSES, sortable: true, required: true, filterable: true },
  },
  defaultSort: { field: 'discoveredAt', order: 'desc' },
  tieBreaker: 'b.id',
  maxPageSize: 100,
};

/** The one move each status allows. */
const NEXT_STATUS: Record<BreachStatus, BreachStatus | null> = { open: 'reported', reported: 'closed', closed: null };

/** The breach register (DPDP Rules 2025, rule 7): what happened, whose data, and the drafts of the notices it calls for. */
@Injectable()
export class BreachesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  list(query: Record<string, unknown>): Promise<Page<BreachView<Date>>> {
    return fetchPage<BreachView<Date>>(this.dataSource, COLUMNS, FROM, parseListQuery(query, BREACH_LIST));
  }

  async detail(id: string, db: Queryable = this.dataSource): Promise<BreachDetail<Date>> {
    const breach = await queryMaybeOne<BreachView<Date>>(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE b.id = $1`, [id]);
    if (!breach) throw new AppError(BreachErrors.notFound);
    const [affected, contact] = await Promise.all([
      queryRows<BreachDetail['affected'][number]>(
        db,
        `SELECT l.id AS "leadId", l.full_name AS "fullName", l.phone, l.email
           FROM breach_leads bl JOIN leads l ON l.id = bl.lead_id
          WHERE bl.breach_id = $1 ORDER BY l.full_name, l.id LIMIT ${BREACH_AFFECTED_SHOWN}`,
        [id],
      ),
      this.contact(db),
    ]);
    return { ...breach, affected, personNotice: personNotice(breach, contact), boardReport: boardReport(breach, contact) };
  }

  /**
   * Records the breach and, in the same transaction, whose data it concerned: the named leads and
   * every lead created in the period, in one INSERT … SELECT. Erased leads are left out: there is
   * no one left to tell.
   */
  async create(user: AuthUser, body: BreachBody): Promise<BreachDetail<Date>> {
    const discoveredAt = checkDiscoveredAt(body.discoveredAt);
    const period = createdPeriod(body);
    const leadIds = body.leadIds ? [...new Set(body.leadIds.map((id) => id.toLowerCase()))] : null;
    if (!leadIds?.length && !period) throw errorOnField(BreachErrors.noneAffected, 'leadIds');
    return this.dataSource.transaction(async (manager) => {
      if (leadIds?.length) {
        const missing = await queryRows<{ id: string }>(
          manager,
          `SELECT id FROM unnest($1::uuid[]) AS named (id) WHERE NOT EXISTS (SELECT 1 FROM leads l WHERE l.id = named.id) LIMIT 3`,
          [leadIds],
        );
        if (missing.length)
          throw errorOnField(BreachErrors.unknownLeads, 'leadIds', `leadIds: not leads: ${missing.map((row) => row.id).join(', ')}`);
      }
      const { id } = await queryOne<{ id: string }>(
        manager,
        `INSERT INTO breaches (discovered_at, description, data_concerned, measures, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [discoveredAt, body.description.trim(), body.dataConcerned.trim(), body.measures.trim(), user.id],
      );
      // leads_created_idx serves the period; the primary key the named ids.
      await manager.query(
        `INSERT INTO breach_leads (breach_id, lead_id)
         SELECT $1, l.id FROM leads l
          WHERE l.erased_at IS NULL AND (l.id = ANY($2::uuid[]) OR l.created_at BETWEEN $3 AND $4)`,
        [id, leadIds ?? [], period?.from ?? null, period?.to ?? null],
      );
      return this.detail(id, manager);
    });
  }

  /** The next status (`reported` stamps reportedAt) or new measures, if `version` is still the breach's; else 409 with the breach as it is. */
  async update(id: string, body: UpdateBreachDto): Promise<BreachDetail<Date>> {
    const current = await this.detail(id);
    if (current.version !== body.version) throw this.stale(current);
    const status = body.status === current.status ? undefined : body.status;
    const measures = body.measures?.trim();
    if (status === undefined && (measures === undefined || measures === current.measures)) throw errorOnField(BreachErrors.nothingToChange, 'status');
    if (status !== undefined && NEXT_STATUS[current.status] !== status)
      throw errorOnField(
        BreachErrors.statusMove,
        'status',
        `status: a breach that is ${current.status} ${NEXT_STATUS[current.status] ? `moves to ${NEXT_STATUS[current.status]}` : 'stays closed'}`,
      );
    const updated = await queryAffected(
      this.dataSource,
      `UPDATE breaches SET status = COALESCE($3, status), measures = COALESCE($4, measures),
              reported_at = CASE WHEN $3 = 'reported' THEN now() ELSE reported_at END, version = version + 1
        WHERE id = $1 AND version = $2`,
      [id, body.version, status ?? null, measures ?? null],
    );
    if (updated !== 1) throw this.stale(await this.detail(id));
    return this.detail(id);
  }

  private stale(current: BreachDetail<Date>): AppError {
    return new AppError(BreachErrors.staleVersion, undefined, undefined, { current });
  }

  /** The person who answers for the operator, as the latest consent notice names them. */
  private async contact(db: Queryable): Promise<NoticeContact | null> {
    const row = await queryMaybeOne<{ contact: NoticeContact | null }>(db, `SELECT contact FROM consent_notices ORDER BY version DESC LIMIT 1`);
    return row?.contact ?? null;
  }
}

function checkDiscoveredAt(value: string): Date {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw fieldError('discoveredAt', 'discoveredAt must be an ISO 8601 time, e.g. 2026-12-01T10:30:00+05:30');
  if (at.getTime() > Date.now() + CLOCK_SKEW_MS) throw fieldError('discoveredAt', 'discoveredAt must not be in the future');
  return at;
}

/** A calendar day that exists: `2026-02-30` parses (as 2 March), so the day must read back the same. */
function isRealDay(day: string): boolean {
  return isCalendarDay(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
}

/** `createdFrom`–`createdTo`, whole days in India; both or neither. */
function createdPeriod(body: BreachBody): { from: Date; to: Date } | null {
  const { createdFrom, createdTo } = body;
  if (createdFrom === undefined && createdTo === undefined) return null;
  if (createdFrom === undefined) throw fieldError('createdFrom', 'createdFrom: a period needs both createdFrom and createdTo');
  if (createdTo === undefined) throw fieldError('createdTo', 'createdTo: a period needs both createdFrom and createdTo');
  if (!isRealDay(createdFrom)) throw fieldError('createdFrom', 'createdFrom must be a real date like 2026-11-01');
  if (!isRealDay(createdTo)) throw fieldError('createdTo', 'createdTo must be a real date like 2026-11-30');
  if (createdFrom > createdTo) throw fieldError('createdTo', 'createdTo must not be before createdFrom');
  return { from: istDayBounds(createdFrom).start, to: istDayBounds(createdTo).end };
}
