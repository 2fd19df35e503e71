import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse, CsvError } from 'csv-parse';
import type { Request } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AppError,
  errorOnField,
  fetchPage,
  fieldError,
  parseListQuery,
  queryOne,
  queryRows,
  receiveFile,
  type IncomingFile,
  type ListSpec,
  type Page,
} from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import {
  accessOf,
  detectCsvDelimiter,
  LEAD_IMPORT_FILE_FIELD,
  LEAD_IMPORT_LIMITS,
  LEAD_IMPORT_MAPPING_FIELD,
  LEAD_IMPORT_REQUIRED_FIELDS,
  proposeLeadImportMapping,
  type LeadImportError,
  type LeadImportPreviewRow,
  type LeadImportResult,
  type LeadImportView,
} from '@advisordesk/shared';
import { IntakeService, mergedLeadPhones, toIntakeRow, type IntakeRow } from '../intake.service';
import { LeadsErrors } from '../leads.errors';
import { WebsiteFormService } from '../website-form.service';
import { checkRow, fieldColumns, mergeMapping } from './import-row';

/** Rows written per statement (intake's statement, one JSON parameter). */
const CHUNK = 1_000;

const LEAD_IMPORT_LIST: ListSpec = {
  fields: {
    createdAt: { column: 'i.created_at', type: 'timestamp', sortable: true, required: true, filterable: true },
    rows: { column: 'i.rows', type: 'int', sortable: true, required: true },
    created: { column: 'i.created', type: 'int', sortable: true, required: true },
    userId: { column: 'i.user_id', type: 'uuid', filterable: true },
  },
  defaultSort: { field: 'createdAt', order: 'desc' },
  tieBreaker: 'i.id',
};

interface PendingRow {
  row: number;
  phone: string;
  /** The phone came earlier in the file. */
  repeat: boolean;
  intake: IntakeRow;
  preview?: LeadImportPreviewRow;
}

/** What a run of the file is: a check, or the import with its record and transaction. */
type Run = { dryRun: true; db: DataSource } | { dryRun: false; db: EntityManager; importId: string };

/** The file's name as kept: the browser's, without a path, trimmed to the column's length. */
function keptFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop()?.trim() ?? '';
  const printable = [...base].filter((char) => char >= ' ' && char !== '\u007f').join('');
  return (printable || 'import.csv').slice(0, LEAD_IMPORT_LIMITS.fileName);
}

/**
 * Reads the first line's bytes (up to 64 KB) to tell the delimiter, then hands the whole stream on
 * unchanged: the file is never held, only its first line.
 */
async function sniffDelimiter(stream: Readable): Promise<{ delimiter: string; rest: Readable }> {
  const chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let head = Buffer.alloc(0);
  while (!head.includes(10) && head.length < 64 * 1024) {
    const next = await chunks.next();
    if (next.done) break;
    head = Buffer.concat([head, next.value]);
  }
  const firstLine = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)[0];
  const rest = Readable.from(
    (async function* () {
      yield head;
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        yield next.value;
      }
    })(),
  );
  return { delimiter: detectCsvDelimiter(firstLine), rest };
}

@Injectable()
export class LeadImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: IntakeService,
    private readonly websiteForm: WebsiteFormService,
  ) {}

  /**
   * `POST /api/leads/import`: streams the file through the parser, checks each row with the
   * inquiry's rules and, unless a dry run, writes it in chunks through intake's statement, all in
   * one transaction. Any wrong row: nothing is written and the answer is a 400 with the report.
   */
  async import(user: AuthUser, request: Request, dryRun: boolean): Promise<LeadImportResult> {
    return receiveFile(
      request,
      {
        maxBytes: LEAD_IMPORT_LIMITS.bytes,
        fileField: LEAD_IMPORT_FILE_FIELD,
        fields: [LEAD_IMPORT_MAPPING_FIELD],
        notMultipart: LeadsErrors.importNotMultipart,
        tooLarge: LeadsErrors.importTooLarge,
      },
      (file, fields) => (dryRun ? this.process(user, file, fields, { dryRun: true, db: this.dataSource }) : this.apply(user, file, fields)),
    );
  }

  private async apply(user: AuthUser, file: IncomingFile, fields: Record<string, string>): Promise<LeadImportResult> {
    const fileName = keptFileName(file.fileName);
    let refused: LeadImportResult | undefined;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const record = await queryOne<{ id: string; createdAt: Date }>(
          manager,
          `INSERT INTO lead_imports (user_id, file_name) VALUES ($1, $2) RETURNING id, created_at AS "createdAt"`,
          [user.id, fileName],
        );
        const result = await this.process(user, file, fields, { dryRun: false, db: manager, importId: record.id });
        if (result.errorsTotal > 0) {
          refused = result;
          throw new AppError(LeadsErrors.importInvalid, undefined, undefined, { ...result });
        }
        await manager.query(`UPDATE lead_imports SET rows = $2, created = $3, existing = $4, finished_at = now() WHERE id = $1`, [
          record.id,
          result.rows,
          result.created,
          result.existing,
        ]);
        return { ...result, importId: record.id, startedAt: record.createdAt.toISOString() };
      });
    } finally {
      // A refused import wrote nothing; the history still shows who tried which file and how many rows failed.
      if (refused) {
        await this.dataSource.query(`INSERT INTO lead_imports (user_id, file_name, rows, failed, finished_at) VALUES ($1, $2, $3, $4, now())`, [
          user.id,
          fileName,
          refused.rows,
          refused.errorsTotal,
        ]);
      }
    }
  }

  /** Parses, checks and (for an import) writes the file, chunk by chunk; answers the report. */
  private async process(user: AuthUser, file: IncomingFile, fields: Record<string, string>, run: Run): Promise<LeadImportResult> {
    const fileName = keptFileName(file.fileName);
    let tooLarge = false;
    file.stream.on('limit', () => (tooLarge = true));
    const { delimiter, rest } = await sniffDelimiter(file.stream);
    const parser = rest.pipe(
      parse({ bom: true, delimiter, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 1024 * 1024 }),
    );
    const staff = accessOf('leads', user.role) !== 'none';
    const courses = await this.websiteForm.courses();
    const result: LeadImportResult = {
      dryRun: run.dryRun,
      fileName,
      rows: 0,
      created: 0,
      existing: 0,
      errors: [],
      errorsTotal: 0,
      preview: [],
      mapping: {},
    };
    let headers: string[] | null = null;
    let columns: ReturnType<typeof fieldColumns> = {};
    const seen = new Set<string>();
    let pending: PendingRow[] = [];
    let chunkPhones = new Set<string>();

    const report = (errors: LeadImportError[]) => {
      result.errorsTotal += errors.length;
      for (const error of errors) if (result.errors.length < LEAD_IMPORT_LIMITS.errors) result.errors.push(error);
    };
    // One chunk is written while the next is parsed and checked (the database works while Node does), never more.
    let writing: Promise<void> = Promise.resolve();
    const flush = async () => {
      if (!pending.length) return;
      const rows = pending;
      pending = [];
      chunkPhones = new Set();
      await writing;
      // Once a row is wrong nothing will be written: the rest of the file is only checked.
      const written = run.dryRun || result.errorsTotal > 0 ? this.check(run.db, rows) : this.write(run.db, rows);
      writing = written.then((created) =>
        rows.forEach((row, i) => {
          if (created[i]) result.created++;
          else result.existing++;
          if (row.preview) row.preview.outcome = staff ? (created[i] ? 'new' : 'existing') : 'accepted';
        }),
      );
      // Its failure is thrown where it is awaited (the next chunk, or the end), not as an unhandled rejection.
      writing.catch(() => undefined);
    };

    try {
      for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { records: number; empty_lines: number } }>) {
        const row = info.records + info.empty_lines;
        if (!headers) {
          headers = record.map((h) => h.trim());
          const merged = mergeMapping(proposeLeadImportMapping(headers), headers, fields[LEAD_IMPORT_MAPPING_FIELD]);
          if (typeof merged === 'string') throw fieldError(LEAD_IMPORT_MAPPING_FIELD, merged);
          const missing = LEAD_IMPORT_REQUIRED_FIELDS.filter((field) => !Object.values(merged).includes(field));
          if (missing.length) {
            throw fieldError(
              LEAD_IMPORT_MAPPING_FIELD,
              `No column maps to ${missing.join(' or ')}: name a header in mapping (the file has ${headers.join(', ')})`,
            );
          }
          result.mapping = merged;
          columns = fieldColumns(headers, merged);
          continue;
        }
        if (record.every((cell) => !cell.trim())) continue;
        result.rows++;
        if (result.rows > LEAD_IMPORT_LIMITS.rows) throw errorOnField(LeadsErrors.importTooManyRows, LEAD_IMPORT_FILE_FIELD);
        const preview: LeadImportPreviewRow | undefined =
          result.preview.length < LEAD_IMPORT_LIMITS.preview
            ? { row, outcome: 'error', fullName: record[columns.fullName ?? -1]?.trim() ?? '', phone: record[columns.phone ?? -1]?.trim() ?? '' }
            : undefined;
        if (preview) result.preview.push(preview);
        const extra = record.slice(headers.length).some((cell) => cell.trim());
        const checked = extra
          ? [{ row, field: 'row' as const, message: `Row ${row} has more cells than the header has columns` }]
          : checkRow(record, columns, row);
        if (Array.isArray(checked)) {
          report(checked);
          continue;
        }
        const payload = Object.fromEntries(headers.map((header, i) => [header, record[i] ?? '']));
        const intake = toIntakeRow(checked.body, checked.phone, courses, {
          payload,
          source: checked.source,
          consentSource: checked.consentSource,
          consentVia: 'import',
          importId: run.dryRun ? null : run.importId,
          timeline: { import: { id: run.dryRun ? null : run.importId, fileName, by: user.name } },
        });
        // Intake's statement takes each phone once: a phone repeated within the chunk starts the next one.
        if (chunkPhones.has(checked.phone) || pending.length >= CHUNK) await flush();
        pending.push({ row, phone: checked.phone, repeat: seen.has(checked.phone), intake, preview });
        chunkPhones.add(checked.phone);
        seen.add(checked.phone);
      }
      await flush();
      await writing;
    } catch (error) {
      await writing.catch(() => undefined);
      if (error instanceof CsvError) {
        const line = (error as CsvError & { lines?: number }).lines;
        throw new AppError(LeadsErrors.importNotCsv, [
          { field: LEAD_IMPORT_FILE_FIELD, message: `The file is not valid CSV${line ? ` near line ${line}` : ''}: ${error.message}` },
        ]);
      }
      throw error;
    }
    if (tooLarge) throw errorOnField(LeadsErrors.importTooLarge, LEAD_IMPORT_FILE_FIELD);
    if (!headers) throw fieldError(LEAD_IMPORT_FILE_FIELD, 'The file is empty: it needs a header row and at least one row of leads');
    if (result.rows === 0) throw fieldError(LEAD_IMPORT_FILE_FIELD, 'The file has a header row but no rows of leads');
    if (!staff) result.preview.forEach((p) => p.outcome !== 'error' && (p.outcome = 'accepted'));
    return result;
  }

  /** Writes a chunk (distinct phones) through intake's statement; answers, per row, whether it made a lead. */
  private async write(db: EntityManager, rows: PendingRow[]): Promise<boolean[]> {
    const written = await this.intake.intakeWithin(
      db,
      rows.map((r) => r.intake),
    );
    return written.map((w) => w.created);
  }

  /** What writing a chunk would do: a row makes a lead unless its phone is one already or came earlier in the file. */
  private async check(db: DataSource | EntityManager, rows: PendingRow[]): Promise<boolean[]> {
    const phones = rows.map((r) => r.phone);
    // A merged lead's alternate phone is that lead's, as intake takes it.
    const known = await queryRows<{ phone: string }>(db, `SELECT phone FROM leads WHERE phone = ANY($1::text[])`, [phones]);
    const merged = await mergedLeadPhones(db, phones);
    const existing = new Set([...known.map((k) => k.phone), ...merged.keys()]);
    return rows.map((r) => !existing.has(r.phone) && !r.repeat);
  }

  /** `GET /api/lead-imports`: the history; marketing sees its own imports only. */
  async list(user: AuthUser, query: Record<string, unknown>): Promise<Page<LeadImportView>> {
    const list = parseListQuery(query, LEAD_IMPORT_LIST);
    if (accessOf('leadImport', user.role) === 'own') {
      list.params.push(user.id);
      list.where.push(`i.user_id = $${list.params.length}`);
    }
    const page = await fetchPage<LeadImportView & { createdAt: Date; finishedAt: Date | null }>(
      this.dataSource,
      `i.id, i.file_name AS "fileName", i.user_id AS "userId", u.name AS "userName", i.created_at AS "createdAt", i.finished_at AS "finishedAt",
       i.rows, i.created, i.existing, i.failed`,
      'lead_imports i JOIN users u ON u.id = i.user_id',
      list,
    );
    return {
      ...page,
      rows: page.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null })),
    };
  }
}
