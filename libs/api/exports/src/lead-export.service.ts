import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { accessOf, firstFilterOutside, LEAD_EXPORT_COLUMNS, MARKETING_EXPORT_FILTERS, type ExportRecordView } from '@advisordesk/shared';
import { AppError, CommonErrors, fieldError, parseListQuery, queryOne, queryRows, whereClause } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { LEAD_FROM, LEAD_LIST, leadColumn, limitToVisibleLeads } from '@advisordesk/api-leads';
import { csvCell, inlineParams } from './csv-sql';
import { ExportErrors } from './exports.errors';

/**
 * The export's columns, from the leads contract (header and how each cell reads) → SQL.
 * PostgreSQL writes the CSV itself (COPY … TO STDOUT, RFC 4180 quoting), so every cell is made
 * safe in SQL (see csv-sql.ts).
 */
const SELECT_COLUMNS = LEAD_EXPORT_COLUMNS.map(({ field, header, as }) => `${csvCell(as, leadColumn(field))} AS "${header}"`).join(', ');

export interface LeadExport {
  id: string;
  total: number;
  /** Streams the CSV into `destination`; resolves when done, and always releases the connection. */
  pipeTo: (destination: Writable) => Promise<void>;
}

/**
 * Streams the lead list as CSV straight from PostgreSQL's COPY into the response, with
 * backpressure, so memory stays flat however many rows (and the server does no per-row work).
 * Same filters as the list; marketing gets only adults with marketing consent (DPDP: no
 * targeting of children), nobody gets erased people. No export runs unless it is in the log first.
 */
@Injectable()
export class LeadExportService {
  private readonly logger = new Logger('Exports');

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async start(user: AuthUser, query: Record<string, unknown>): Promise<LeadExport> {
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
    const where = whereClause(limitToVisibleLeads(list, user, 'exports').where);
    const [{ total }] = await queryRows<{ total: number }>(this.dataSource, `SELECT count(*)::int AS total FROM leads l ${where}`, list.params);
    // Who, which filters and how many rows, committed before the first byte leaves.
    const record = await queryOne<{ id: string }>(
      this.dataSource,
      `INSERT INTO exports (user_id, filters, row_count) VALUES ($1, $2, $3) RETURNING id`,
      [user.id, JSON.stringify(filters), total],
    ).catch((error: Error) => {
      this.logger.error(`An export by ${user.id} was refused: the export log could not be written (${error.message})`);
      throw new AppError(ExportErrors.notRecorded);
    });
    const select = `SELECT ${SELECT_COLUMNS} FROM ${LEAD_FROM} ${where} ORDER BY ${list.orderBy}`;
    const pipeTo = async (destination: Writable) => {
      const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
      const client: PoolClient = await pool.connect();
      let rows = 0;
      let status: 'done' | 'failed' = 'failed';
      try {
        // COPY takes no bind parameters: the validated filter values are inlined as escaped literals.
        const copy = client.query(
          copyTo(`COPY (${inlineParams(select, list.params, (text) => client.escapeLiteral(text))}) TO STDOUT WITH (FORMAT csv, HEADER true)`),
        );
        destination.write('\uFEFF');
        // The download ends only once the log says how it ended (below): whoever reads the log after it sees it done.
        await pipeline(copy, destination, { end: false });
        rows = copy.rowCount ?? 0;
        status = 'done';
      } finally {
        // A half-read COPY leaves the connection mid-query: discard it rather than reuse it.
        client.release(status === 'failed');
        // The log already holds the export; this adds how it ended and the exact row count.
        await this.dataSource
          .query(`UPDATE exports SET status = $2, row_count = $3, finished_at = now() WHERE id = $1`, [record.id, status, rows])
          .catch((error: Error) =>
            this.logger.error(`Export ${record.id} (${status}, ${rows} rows) could not be marked finished in the log: ${error.message}`),
          );
        if (status === 'done') destination.end();
      }
    };
    return { id: record.id, total, pipeTo };
  }

  async recent(limit = 50): Promise<ExportRecordView<Date>[]> {
    return queryRows<ExportRecordView<Date>>(
      this.dataSource,
      `SELECT e.id, e.kind, e.filters, e.row_count AS "rowCount", e.status, e.started_at AS "startedAt", e.finished_at AS "finishedAt", u.name AS "userName", u.role AS "userRole"
         FROM exports e JOIN users u ON u.id = e.user_id ORDER BY e.started_at DESC LIMIT $1`,
      [limit],
    );
  }
}
