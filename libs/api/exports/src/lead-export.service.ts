import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  accessOf,
  firstFilterOutside,
  LEAD_EXPORT_COLUMNS,
  MARKETING_EXPORT_FILTERS,
  type ExportRecordView,
  type LeadExportCount,
} from '@advisordesk/shared';
import { AppError, CommonErrors, fieldError, parseListQuery, queryOne, queryRows, whereClause } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { LEAD_FROM, LEAD_LIST, leadColumn, limitToVisibleLeads } from '@advisordesk/api-leads';
import { startCsvExport, type CsvExport } from './csv-export';
import { csvCell } from './csv-sql';

/**
 * The export's columns, from the leads contract (header and how each cell reads) → SQL.
 * PostgreSQL writes the CSV itself (COPY … TO STDOUT, RFC 4180 quoting), so every cell is made
 * safe in SQL (see csv-sql.ts).
 */
const SELECT_COLUMNS = LEAD_EXPORT_COLUMNS.map(({ field, header, as }) => `${csvCell(as, leadColumn(field))} AS "${header}"`).join(', ');

export type LeadExport = CsvExport;

const RECORD_COLUMNS = `e.id, e.kind, e.filters, e.row_count AS "rowCount", e.status, e.started_at AS "startedAt", e.finished_at AS "finishedAt", u.name AS "userName", u.role AS "userRole"`;

/**
 * The leads an export of `query` holds, as SQL over alias `l`: the list's filters (paging dropped),
 * narrowed to what the user may export; the CSV and the segment count both read it. Marketing gets
 * only adults with marketing consent (DPDP: no targeting of children) and filters by segment only;
 * nobody gets erased people.
 */
export function exportedLeads(user: AuthUser, query: Record<string, unknown>) {
  const access = accessOf('exports', user.role);
  if (access === 'none') throw new AppError(CommonErrors.forbidden);
  const filters = Object.fromEntries(Object.entries(query).filter(([key]) => key !== '_start' && key !== '_end'));
  if (access === 'consented') {
    // Marketing exports segments, never a person: a phone or name filter would say who is a lead.
    const refused = firstFilterOutside(
      Object.keys(filters).filter((key) => key !== '_sort' && key !== '_order'),
      MARKETING_EXPORT_FILTERS,
    );
    if (refused) throw fieldError(refused, `${refused}: marketing exports by ${MARKETING_EXPORT_FILTERS.join(', ')} only, never by person`);
  }
  // Admins, managers and marketing export across advisors (advisors cannot export at all); nobody exports erased people.
  const list = parseListQuery(filters, LEAD_LIST);
  list.where.push('l.erased_at IS NULL');
  // A minor is in no export until the guardian's consent is verified (marketing's exports hold no minor at all).
  if (access !== 'consented') list.where.push('NOT (l.is_minor AND l.guardian_verified_at IS NULL)');
  const where = whereClause(limitToVisibleLeads(list, user, 'exports').where);
  return { filters, where, params: list.params, orderBy: list.orderBy };
}

/**
 * The lead list as CSV, streamed from PostgreSQL (see startCsvExport). Same filters as the list;
 * marketing gets only adults with marketing consent (DPDP: no targeting of children), nobody gets
 * erased people.
 */
@Injectable()
export class LeadExportService {
  private readonly logger = new Logger('Exports');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async start(user: AuthUser, query: Record<string, unknown>): Promise<LeadExport> {
    const { filters, where, params, orderBy } = exportedLeads(user, query);
    return startCsvExport(this.dataSource, this.logger, user, {
      kind: 'leads',
      filters,
      count: `SELECT count(*)::int AS total FROM leads l ${where}`,
      select: `SELECT ${SELECT_COLUMNS} FROM ${LEAD_FROM} ${where} ORDER BY ${orderBy}`,
      params,
    });
  }

  /**
   * How many people the CSV would hold for these filters, never who: the export's own WHERE, counted
   * exactly. Marketing's segments count consented adults only.
   */
  async count(user: AuthUser, query: Record<string, unknown>): Promise<LeadExportCount> {
    const { where, params } = exportedLeads(user, query);
    // Marketing's count is an index-only scan of leads_marketing_segment_idx (consented adults, the segment columns).
    return queryOne<LeadExportCount>(this.dataSource, `SELECT count(*)::int AS count FROM leads l ${where}`, params);
  }

  /** The signed-in user's own latest exports, newest first (the whole log is `exportLog`'s). */
  async mine(user: AuthUser, limit: number): Promise<ExportRecordView<Date>[]> {
    return queryRows<ExportRecordView<Date>>(
      this.dataSource,
      `SELECT ${RECORD_COLUMNS} FROM exports e JOIN users u ON u.id = e.user_id WHERE e.user_id = $1 ORDER BY e.started_at DESC LIMIT $2`,
      [user.id, limit],
    );
  }

  async recent(limit = 50): Promise<ExportRecordView<Date>[]> {
    return queryRows<ExportRecordView<Date>>(
      this.dataSource,
      `SELECT ${RECORD_COLUMNS} FROM exports e JOIN users u ON u.id = e.user_id ORDER BY e.started_at DESC LIMIT $1`,
      [limit],
    );
  }
}
