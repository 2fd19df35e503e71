import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { Pool, PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import type { ExportKind } from '@advisordesk/shared';
import { AppError, attachmentDisposition, queryOne, queryRows } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { inlineParams } from './csv-sql';
import { ExportErrors } from './exports.errors';

export interface CsvExport {
  id: string;
  total: number;
  /** Streams the CSV into `destination`; resolves when done, and always releases the connection. */
  pipeTo: (destination: Writable) => Promise<void>;
}

export interface CsvExportQuery {
  kind: ExportKind;
  /** The filters as asked, for the export log. */
  filters: Record<string, unknown>;
  /** `SELECT count(*)::int AS total …` over the same rows. */
  count: string;
  /** The rows, each cell already made safe in SQL (see csv-sql.ts). */
  select: string;
  params: unknown[];
}

/**
 * Records an export in the log, then streams it straight from PostgreSQL's COPY into the response,
 * with backpressure, so memory stays flat however many rows (and the server does no per-row work):
 * UTF-8 with a byte-order mark for Excel, one header row, RFC 4180 quoting. No export runs unless
 * it is in the log first.
 */
export async function startCsvExport(dataSource: DataSource, logger: Logger, user: AuthUser, query: CsvExportQuery): Promise<CsvExport> {
  const [{ total }] = await queryRows<{ total: number }>(dataSource, query.count, query.params);
  // Who, what, which filters and how many rows, committed before the first byte leaves.
  const record = await queryOne<{ id: string }>(
    dataSource,
    `INSERT INTO exports (user_id, kind, filters, row_count) VALUES ($1, $2, $3, $4) RETURNING id`,
    [user.id, query.kind, JSON.stringify(query.filters), total],
  ).catch((error: Error) => {
    logger.error(`An export by ${user.id} was refused: the export log could not be written (${error.message})`);
    throw new AppError(ExportErrors.notRecorded);
  });
  const pipeTo = async (destination: Writable) => {
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    const client: PoolClient = await pool.connect();
    let rows = 0;
    let status: 'done' | 'failed' = 'failed';
    try {
      // COPY takes no bind parameters: the validated filter values are inlined as escaped literals.
      const copy = client.query(
        copyTo(`COPY (${inlineParams(query.select, query.params, (text) => client.escapeLiteral(text))}) TO STDOUT WITH (FORMAT csv, HEADER true)`),
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
      await dataSource
        .query(`UPDATE exports SET status = $2, row_count = $3, finished_at = now() WHERE id = $1`, [record.id, status, rows])
        .catch((error: Error) =>
          logger.error(`Export ${record.id} (${status}, ${rows} rows) could not be marked finished in the log: ${error.message}`),
        );
      if (status === 'done') destination.end();
    }
  };
  return { id: record.id, total, pipeTo };
}

/** Sends a started export as a CSV download; once its headers are sent, a failure can only end it early. */
export async function sendCsvExport(work: CsvExport, fileName: string, response: Response, logger: Logger): Promise<void> {
  response.status(200);
  response.setHeader('Content-Type', 'text/csv; charset=utf-8');
  response.setHeader('Content-Disposition', attachmentDisposition(fileName));
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('x-total-count', String(work.total));
  response.setHeader('x-export-id', work.id);
  try {
    await work.pipeTo(response);
  } catch (error) {
    // Headers are sent: all we can do is end the download early and record it as failed.
    logger.warn(`Export ${work.id} ended early: ${(error as Error).message}`);
    response.destroy();
  }
}
