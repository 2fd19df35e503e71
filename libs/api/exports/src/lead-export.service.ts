import { Transform, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify';
import type { Pool, PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import { accessOf, formatInr } from '@advisordesk/shared';
import { AppError, CommonErrors, parseListQuery, whereClause } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { LEAD_FROM, LEAD_LIST } from '@advisordesk/api-leads';
import { inertCell } from './csv-cells';

/** The export's columns: header → SQL. Phone is E.164 digits without '+' so no sheet reads it as a formula. */
const COLUMNS: [string, string][] = [
  ['reference', 'l.reference'],
  ['fullName', 'l.full_name'],
  ['phone', `ltrim(l.phone, '+')`],
  ['email', 'l.email'],
  ['city', 'l.city'],
  ['state', 'l.state'],
  ['courseInterest', 'l.course_interest'],
  ['level', 'l.level'],
  ['mode', 'l.mode'],
  ['budget', 'l.budget_paise'],
  ['qualification', 'l.qualification'],
  ['experienceYears', 'l.experience_years'],
  ['status', 'l.status'],
  ['lostReason', 'l.lost_reason'],
  ['advisor', 'a.name'],
  ['source', 'l.source'],
  ['utmSource', 'l.utm_source'],
  ['utmMedium', 'l.utm_medium'],
  ['utmCampaign', 'l.utm_campaign'],
  ['utmTerm', 'l.utm_term'],
  ['utmContent', 'l.utm_content'],
  ['landingUrl', 'l.landing_url'],
  ['consentWhatsapp', 'l.consent_whatsapp'],
  ['consentMarketing', 'l.consent_marketing'],
  ['consentAt', 'l.consent_at'],
  ['nextFollowUpAt', 'l.next_follow_up_at'],
  ['createdAt', 'l.created_at'],
  ['updatedAt', 'l.updated_at'],
];

export interface LeadExport {
  id: string;
  total: number;
  /** Streams the CSV into `destination`; resolves when done, and always releases the connection. */
  pipeTo: (destination: Writable) => Promise<void>;
}

/**
 * Streams the lead list as CSV straight from PostgreSQL: a server-side cursor (pg-query-stream)
 * through csv-stringify into the response, with backpressure, so memory stays flat however many
 * rows. Same filters and row-level rules as the list; marketing gets only leads with marketing
 * consent, never erased ones. Every export is recorded.
 */
@Injectable()
export class LeadExportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async start(user: AuthUser, query: Record<string, unknown>): Promise<LeadExport> {
    const access = accessOf('exports', user.role);
    if (access === 'none') throw new AppError(CommonErrors.forbidden);
    const filters = Object.fromEntries(Object.entries(query).filter(([key]) => key !== '_start' && key !== '_end'));
    // Admins, managers and marketing export across advisors (advisors cannot export at all).
    const list = parseListQuery(filters, LEAD_LIST);
    list.where.push('l.erased_at IS NULL');
    if (access === 'consented') list.where.push('l.consent_marketing');
    const where = whereClause(list.where);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM leads l ${where}`, list.params);
    const [record] = await this.dataSource.query(`INSERT INTO exports (user_id, filters) VALUES ($1, $2) RETURNING id`, [user.id, JSON.stringify(filters)]);
    const sql = `SELECT ${COLUMNS.map(([name, expression]) => `${expression} AS "${name}"`).join(', ')} FROM ${LEAD_FROM} ${where} ORDER BY ${list.orderBy}`;
    const pipeTo = async (destination: Writable) => {
      const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
      const client: PoolClient = await pool.connect();
      let rows = 0;
      let status: 'done' | 'failed' = 'failed';
      try {
        const cursor = client.query(new QueryStream(sql, list.params, { batchSize: 2000, highWaterMark: 2000 }));
        const toCells = new Transform({
          objectMode: true,
          transform(row: Record<string, unknown>, _encoding, callback) {
            rows++;
            if (row.budget !== null && row.budget !== undefined) row.budget = formatInr(Number(row.budget));
            callback(null, COLUMNS.map(([name]) => inertCell(row[name])));
          },
        });
        // RFC 4180: CRLF line ends, quotes around cells with commas, quotes or line breaks; a BOM for Excel.
        const csv = stringify({ header: true, columns: COLUMNS.map(([name]) => name), bom: true, record_delimiter: 'windows' });
        await pipeline(cursor, toCells, csv, destination);
        status = 'done';
      } finally {
        // A half-read cursor leaves the connection mid-query: discard it rather than reuse it.
        client.release(status === 'failed');
        await this.dataSource.query(`UPDATE exports SET status = $2, row_count = $3, finished_at = now() WHERE id = $1`, [record.id, status, rows]).catch(() => undefined);
      }
    };
    return { id: record.id, total, pipeTo };
  }

  async recent(limit = 50) {
    return this.dataSource.query(
      `SELECT e.id, e.kind, e.filters, e.row_count AS "rowCount", e.status, e.started_at AS "startedAt", e.finished_at AS "finishedAt", u.name AS "userName", u.role AS "userRole"
         FROM exports e JOIN users u ON u.id = e.user_id ORDER BY e.started_at DESC LIMIT $1`,
      [limit],
    );
  }
}
