import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { DataSource, type EntityManager } from 'typeorm';
import {
  APPROVALS,
  CREDENTIAL_TYPES,
  CURRENT_SESSION,
  feeTotal,
  formatInr,
  formatIstDateTime,
  isSession,
  LEAD_MODES,
  NAAC_GRADES,
  OWNERSHIPS,
  PROGRAM_LEVELS,
  rupeesToPaise,
  type FeeComponent,
  type ImportFeeChange,
  type ImportFieldChange,
  type ImportOutcome,
  type ImportProblem,
  type ImportReport,
  type UniversityView,
} from '@advisordesk/shared';
import { AppError, queryOne, queryRows } from '@advisordesk/api-core';
import { CatalogueErrors } from './catalogue.errors';
import { supersedeCurrentFee } from './current-fee';

/** The report and its problems are the catalogue contract's. */
export type { ImportProblem, ImportReport };

/** A row of universities.csv: the university's fields as read (ownership unchecked until the report says so), and its line. */
interface UniversityRow extends Omit<UniversityView, 'id' | 'ownership' | 'active' | 'createdAt' | 'updatedAt' | 'version'> {
  line: number;
  ownership: string | null;
}

interface ProgramRow {
  line: number;
  universityName: string;
  name: string;
  level: string;
  credentialType: string | null;
  mode: string | null;
  durationMonths: number | null;
  credits: number | null;
  stackable: boolean;
  session: string;
  components: FeeComponent[];
  totalPaise: number;
  emiAvailable: boolean;
  sourceUrl: string | null;
}

const UNIVERSITY_COLUMNS = ['name', 'city', 'state', 'ownership', 'approvals', 'naac_grade', 'nirf_rank', 'nirf_year', 'website', 'source_url'];
const PROGRAM_COLUMNS = [
  'university_name',
  'program_name',
  'level',
  'credential_type',
  'mode',
  'duration_months',
  'credits',
  'stackable',
  'session',
  'fee_components',
  'total_inr',
  'emi_available',
  'source_url',
];

/** What applying writes: the rows that change, and for each program its fee's fate. */
interface ImportPlan {
  universities: UniversityRow[];
  programs: { row: ProgramRow; id: string | null; writeProgram: boolean; fee: ImportOutcome }[];
}

const COUNT = { new: 'create', updated: 'update', unchanged: 'unchanged' } as const;

type Shown = string | number | boolean | string[] | null;
const show = (value: Shown): string =>
  value === null || value === '' || (Array.isArray(value) && !value.length)
    ? '—'
    : Array.isArray(value)
      ? value.join('; ')
      : typeof value === 'boolean'
        ? value
          ? 'yes'
          : 'no'
        : String(value);

/** The fields an import writes, as the catalogue column (for the diff query) and the row's property. */
const UNIVERSITY_FIELDS = [
  ['city', 'city'],
  ['state', 'state'],
  ['ownership', 'ownership'],
  ['approvals', 'approvals'],
  ['naac_grade', 'naacGrade'],
  ['nirf_rank', 'nirfRank'],
  ['nirf_category', 'nirfCategory'],
  ['nirf_year', 'nirfYear'],
  ['website', 'website'],
  ['source_url', 'sourceUrl'],
] as const satisfies readonly (readonly [string, keyof UniversityRow])[];
const PROGRAM_FIELDS = [
  ['level', 'level'],
  ['credential_type', 'credentialType'],
  ['mode', 'mode'],
  ['duration_months', 'durationMonths'],
  ['credits', 'credits'],
  ['stackable', 'stackable'],
  ['source_url', 'sourceUrl'],
] as const satisfies readonly (readonly [string, keyof ProgramRow])[];
const UNIVERSITY_DIFF_COLUMNS = UNIVERSITY_FIELDS.map(([column, property]) => `${column} AS "${property}"`).join(', ');
const PROGRAM_DIFF_COLUMNS = PROGRAM_FIELDS.map(([column, property]) => `p.${column} AS "${property}"`).join(', ');

type ExistingUniversity = { key: string } & Record<(typeof UNIVERSITY_FIELDS)[number][1], Shown>;
type ExistingProgram = { id: string; key: string } & Record<(typeof PROGRAM_FIELDS)[number][1], Shown>;
interface ExistingFee {
  key: string;
  totalPaise: number;
  components: FeeComponent[];
  emiAvailable: boolean;
  panelEditedAt: Date | null;
}

/** The fields (named as the file's columns) whose value in the file differs from the catalogue's, before → after. */
function diff<Row>(fields: readonly (readonly [string, keyof Row & string])[], before: Record<string, Shown>, after: Row): ImportFieldChange[] {
  return fields.flatMap(([column, property]) => {
    const [was, will] = [show(before[property]), show(after[property] as Shown)];
    return was === will ? [] : [{ field: column, before: was, after: will }];
  });
}

/** The components whose amount differs between the current fee and the file's, by label (added: no before; gone: no after). */
function componentChanges(before: FeeComponent[], after: FeeComponent[]): ImportFeeChange['components'] {
  const was = new Map(before.map((c) => [c.label, c.amountPaise]));
  const will = new Map(after.map((c) => [c.label, c.amountPaise]));
  return [...new Set([...was.keys(), ...will.keys()])].flatMap((label) =>
    was.get(label) === will.get(label) ? [] : [{ label, beforePaise: was.get(label) ?? null, afterPaise: will.get(label) ?? null }],
  );
}

/** The 409 of an import that would replace fees edited in the panel after the file's date, naming each. */
function overwritesPanelEdits(fees: ImportFeeChange[]): AppError {
  return new AppError(
    CatalogueErrors.overwritesPanelEdits,
    fees.map((f) => ({
      field: `programs:${f.line}:fee`,
      message: `${f.programName} — ${f.universityName} (${f.session}): ${formatInr(f.beforeTotalPaise)} → ${formatInr(f.afterTotalPaise)}, edited in the panel ${formatIstDateTime(f.panelEditedAt)}`,
    })),
    `${fees.length} fee structure${fees.length > 1 ? 's were' : ' was'} edited in the panel after this file's date: confirm to replace ${fees.length > 1 ? 'them' : 'it'}`,
    { fees },
  );
}

const sameFees = (a: FeeComponent[], b: FeeComponent[]) =>
  a.map((c) => `${c.label}|${c.amountPaise}|${c.due ?? ''}`).join('\n') === b.map((c) => `${c.label}|${c.amountPaise}|${c.due ?? ''}`).join('\n');
const blank = (text: string | undefined) => (text?.trim() ? text.trim() : null);
const isUrl = (text: string) => /^https?:\/\/[^\s]+$/i.test(text);

/**
 * The catalogue from two CSV files (universities, and programs with fee components), as the
 * sample catalogue is published. A dry run reports every bad row and field and writes nothing;
 * applying is all-or-nothing, in one transaction, and refuses to write anything if any row is bad.
 */
@Injectable()
export class CatalogueImportService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** `manager`: run inside the caller's transaction (the demo seed) instead of one of its own. */
  async run(
    input: {
      universities?: string;
      programs?: string;
      defaultSession?: string;
      dryRun?: boolean;
      asOf?: string;
      overwriteEditedSince?: boolean;
    },
    manager?: EntityManager,
  ): Promise<ImportReport> {
    const errors: ImportProblem[] = [];
    const universities = input.universities ? this.parseUniversities(input.universities, errors) : [];
    const programs = input.programs ? this.parsePrograms(input.programs, input.defaultSession ?? CURRENT_SESSION, errors) : [];
    const report: ImportReport = {
      dryRun: input.dryRun ?? false,
      applied: false,
      // A file without a date is as old as its upload.
      asOf: new Date(input.asOf ?? Date.now()).toISOString(),
      universities: { rows: universities.length, create: 0, update: 0, unchanged: 0 },
      programs: { rows: programs.length, create: 0, update: 0, unchanged: 0 },
      feeStructures: { create: 0, update: 0, unchanged: 0 },
      rows: [],
      fees: [],
      errors,
    };
    const work = async (db: EntityManager) => {
      const plan = await this.plan(db, universities, programs, report);
      if (report.errors.length || report.dryRun) return;
      const overwrites = report.fees.filter((f) => f.overwritesPanelEdit);
      if (overwrites.length && !input.overwriteEditedSince) throw overwritesPanelEdits(overwrites);
      await this.apply(db, plan);
      report.applied = true;
    };
    if (manager) await work(manager);
    else await this.dataSource.transaction(work);
    return report;
  }

  private rows(
    text: string,
    file: ImportProblem['file'],
    expected: string[],
    errors: ImportProblem[],
  ): { line: number; record: Record<string, string> }[] {
    let table: string[][];
    try {
      // Files edited on different systems mix CRLF and LF line endings.
      table = parse(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), { skip_empty_lines: true, relax_column_count: true, relax_quotes: true });
    } catch (error) {
      errors.push({
        file,
        line: (error as { lines?: number }).lines ?? 1,
        field: '(file)',
        message: `not a valid CSV file: ${(error as Error).message}`,
      });
      return [];
    }
    const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
    const missing = expected.filter((c) => !header.includes(c));
    if (missing.length) {
      errors.push({ file, line: 1, field: missing.join(', '), message: `missing column${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}` });
      return [];
    }
    const out: { line: number; record: Record<string, string> }[] = [];
    table.slice(1).forEach((cells, index) => {
      const line = index + 2;
      if (cells.length !== header.length) {
        errors.push({
          file,
          line,
          field: '(row)',
          message: `has ${cells.length} cells where the header has ${header.length} (a comma inside a value needs quotes)`,
        });
        return;
      }
      out.push({ line, record: Object.fromEntries(header.map((h, i) => [h, cells[i]])) });
    });
    return out;
  }

  private parseUniversities(text: string, errors: ImportProblem[]): UniversityRow[] {
    const out: UniversityRow[] = [];
    const seen = new Map<string, number>();
    for (const { line, record } of this.rows(text, 'universities', UNIVERSITY_COLUMNS, errors)) {
      const problem = (field: string, message: string) => errors.push({ file: 'universities', line, field, message });
      const name = blank(record.name);
      if (!name) problem('name', 'name is required');
      else if (seen.has(name.toLowerCase())) problem('name', `"${name}" is also on line ${seen.get(name.toLowerCase())}`);
      else seen.set(name.toLowerCase(), line);
      const ownership = blank(record.ownership);
      if (ownership && !(OWNERSHIPS as readonly string[]).includes(ownership))
        problem('ownership', `ownership must be one of: ${OWNERSHIPS.join(', ')}`);
      const approvals = (record.approvals ?? '')
        .split(';')
        .map((a) => a.trim())
        .filter(Boolean);
      for (const approval of approvals)
        if (!(APPROVALS as readonly string[]).includes(approval))
          problem('approvals', `unknown approval "${approval}" (known: ${APPROVALS.join(', ')})`);
      const naacGrade = blank(record.naac_grade);
      if (naacGrade && !(NAAC_GRADES as readonly string[]).includes(naacGrade))
        problem('naac_grade', `naac_grade must be one of: ${NAAC_GRADES.join(', ')}`);
      let nirfRank: number | null = null;
      let nirfCategory: string | null = null;
      const rank = blank(record.nirf_rank);
      if (rank) {
        const match = /^(\d{1,4})(?:\s*\(([^)]+)\))?$/.exec(rank);
        if (!match) problem('nirf_rank', 'nirf_rank must be a number, optionally with its category in brackets: 4 (Engineering)');
        else [nirfRank, nirfCategory] = [Number(match[1]), match[2]?.trim() ?? null];
      }
      const year = blank(record.nirf_year);
      if (year && !/^20\d{2}$/.test(year)) problem('nirf_year', 'nirf_year must be a year like 2024');
      const website = blank(record.website);
      if (website && !isUrl(website)) problem('website', 'website must be an http(s) address');
      const sourceUrl = blank(record.source_url);
      if (sourceUrl && !isUrl(sourceUrl)) problem('source_url', 'source_url must be an http(s) address');
      if (name)
        out.push({
          line,
          name,
          city: blank(record.city),
          state: blank(record.state),
          ownership,
          approvals,
          naacGrade,
          nirfRank,
          nirfCategory,
          nirfYear: year ? Number(year) : null,
          website,
          sourceUrl,
        });
    }
    return out;
  }

  private parsePrograms(text: string, defaultSession: string, errors: ImportProblem[]): ProgramRow[] {
    const out: ProgramRow[] = [];
    for (const { line, record } of this.rows(text, 'programs', PROGRAM_COLUMNS, errors)) {
      const before = errors.length;
      const problem = (field: string, message: string) => errors.push({ file: 'programs', line, field, message });
      const universityName = blank(record.university_name);
      if (!universityName) problem('university_name', 'university_name is required');
      const name = blank(record.program_name);
      if (!name) problem('program_name', 'program_name is required');
      const level = blank(record.level);
      if (!level || !(PROGRAM_LEVELS as readonly string[]).includes(level)) problem('level', `level must be one of: ${PROGRAM_LEVELS.join(', ')}`);
      const credentialType = blank(record.credential_type);
      if (credentialType && !(CREDENTIAL_TYPES as readonly string[]).includes(credentialType))
        problem('credential_type', `credential_type must be one of: ${CREDENTIAL_TYPES.join(', ')}`);
      const mode = blank(record.mode);
      if (mode && !(LEAD_MODES as readonly string[]).includes(mode)) problem('mode', `mode must be one of: ${LEAD_MODES.join(', ')}`);
      const whole = (field: string, max: number): number | null => {
        const value = blank(record[field]);
        if (!value) return null;
        if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) {
          problem(field, `${field} must be a whole number from 1 to ${max}`);
          return null;
        }
        return Number(value);
      };
      const durationMonths = whole('duration_months', 120);
      const credits = whole('credits', 1000);
      const yesNo = (field: string): boolean => {
        const value = (blank(record[field]) ?? 'no').toLowerCase();
        if (!['yes', 'no', 'true', 'false', 'y', 'n'].includes(value)) problem(field, `${field} must be yes, no or empty`);
        return ['yes', 'true', 'y'].includes(value);
      };
      const stackable = yesNo('stackable');
      const emiAvailable = yesNo('emi_available');
      const session = blank(record.session) ?? defaultSession;
      if (!isSession(session)) problem('session', 'session must look like 2026-27');
      const components: FeeComponent[] = [];
      const feeText = blank(record.fee_components);
      if (!feeText) problem('fee_components', 'fee_components is required: label:amount_inr joined by ;');
      else {
        for (const part of feeText
          .split(';')
          .map((p) => p.trim())
          .filter(Boolean)) {
          const cut = part.lastIndexOf(':');
          const label = cut > 0 ? part.slice(0, cut).trim() : '';
          try {
            if (!label) throw new Error('no label');
            const amountPaise = rupeesToPaise(part.slice(cut + 1));
            if (amountPaise < 0) throw new Error('negative');
            components.push({ label, amountPaise });
          } catch {
            problem('fee_components', `"${part}" is not label:amount_inr (e.g. Semester 1:43750)`);
          }
        }
      }
      let totalPaise = 0;
      try {
        totalPaise = rupeesToPaise(record.total_inr ?? '');
        if (components.length && feeTotal(components) !== totalPaise)
          problem('total_inr', `total_inr is ${record.total_inr} but the components add up to ${feeTotal(components) / 100}`);
      } catch {
        problem('total_inr', 'total_inr must be an amount in rupees');
      }
      const sourceUrl = blank(record.source_url);
      if (sourceUrl && !isUrl(sourceUrl)) problem('source_url', 'source_url must be an http(s) address');
      if (errors.length === before && universityName && name && level) {
        out.push({
          line,
          universityName,
          name,
          level,
          credentialType,
          mode,
          durationMonths,
          credits,
          stackable,
          session,
          components,
          totalPaise,
          emiAvailable,
          sourceUrl,
        });
      }
    }
    return out;
  }

  /**
   * What each row would do (new, unchanged, or updated with its fields before → after), each fee likewise, and which fees
   * edited in the panel after the file's date it would replace; checks that every program's university exists.
   * Applying locks the current fees it read, so a panel edit cannot slip in between the check and the write.
   */
  private async plan(manager: EntityManager, universities: UniversityRow[], programs: ProgramRow[], report: ImportReport): Promise<ImportPlan> {
    const plan: ImportPlan = { universities: [], programs: [] };
    const existing = new Map(
      (await queryRows<ExistingUniversity>(manager, `SELECT lower(name) AS key, ${UNIVERSITY_DIFF_COLUMNS} FROM universities`)).map((u) => [
        u.key,
        u,
      ]),
    );
    for (const u of universities) {
      const before = existing.get(u.name.toLowerCase());
      const changes = before ? diff(UNIVERSITY_FIELDS, before, u) : [];
      const outcome = !before ? 'new' : changes.length ? 'updated' : 'unchanged';
      report.universities[COUNT[outcome]]++;
      report.rows.push({ file: 'universities', line: u.line, name: u.name, outcome, changes });
      if (outcome !== 'unchanged') plan.universities.push(u);
    }
    const known = new Set([...existing.keys(), ...universities.map((u) => u.name.toLowerCase())]);
    const existingPrograms = new Map(
      (
        await queryRows<ExistingProgram>(
          manager,
          `SELECT p.id, lower(u.name) || '|' || lower(p.name) AS key, ${PROGRAM_DIFF_COLUMNS} FROM programs p JOIN universities u ON u.id = p.university_id`,
        )
      ).map((p) => [p.key, p]),
    );
    const currentFees = new Map(
      (
        await queryRows<ExistingFee>(
          manager,
          `SELECT f.program_id || '|' || f.session AS key, f.total_paise AS "totalPaise", f.components, f.emi_available AS "emiAvailable",
                  f.panel_edited_at AS "panelEditedAt"
             FROM fee_structures f WHERE f.is_current ${report.dryRun ? '' : 'FOR UPDATE'}`,
        )
      ).map((f) => [f.key, f]),
    );
    const asOf = new Date(report.asOf).getTime();
    const seen = new Map<string, number>();
    for (const p of programs) {
      if (!known.has(p.universityName.toLowerCase())) {
        report.errors.push({
          file: 'programs',
          line: p.line,
          field: 'university_name',
          message: `no university named "${p.universityName}" in universities.csv or the catalogue`,
        });
        continue;
      }
      const key = `${p.universityName.toLowerCase()}|${p.name.toLowerCase()}`;
      if (seen.has(key)) {
        report.errors.push({
          file: 'programs',
          line: p.line,
          field: 'program_name',
          message: `"${p.name}" of ${p.universityName} is also on line ${seen.get(key)}`,
        });
        continue;
      }
      seen.set(key, p.line);
      const before = existingPrograms.get(key);
      const changes = before ? diff(PROGRAM_FIELDS, before, p) : [];
      const outcome = !before ? 'new' : changes.length ? 'updated' : 'unchanged';
      report.programs[COUNT[outcome]]++;
      report.rows.push({ file: 'programs', line: p.line, name: `${p.name} — ${p.universityName}`, outcome, changes });

      const fee = before ? currentFees.get(`${before.id}|${p.session}`) : undefined;
      const sameFee = fee && fee.totalPaise === p.totalPaise && fee.emiAvailable === p.emiAvailable && sameFees(fee.components, p.components);
      const feeOutcome = !fee ? 'new' : sameFee ? 'unchanged' : 'updated';
      report.feeStructures[COUNT[feeOutcome]]++;
      const panelEditedAt = fee?.panelEditedAt ? new Date(fee.panelEditedAt) : null;
      report.fees.push({
        line: p.line,
        programName: p.name,
        universityName: p.universityName,
        session: p.session,
        outcome: feeOutcome,
        beforeTotalPaise: fee ? fee.totalPaise : null,
        afterTotalPaise: p.totalPaise,
        components: fee ? componentChanges(fee.components, p.components) : [],
        panelEditedAt: panelEditedAt?.toISOString() ?? null,
        overwritesPanelEdit: feeOutcome === 'updated' && !!panelEditedAt && panelEditedAt.getTime() > asOf,
      });
      plan.programs.push({ row: p, id: before?.id ?? null, writeProgram: outcome !== 'unchanged', fee: feeOutcome });
    }
    report.errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    return plan;
  }

  private async apply(manager: EntityManager, plan: ImportPlan) {
    for (const u of plan.universities) {
      await manager.query(
        `INSERT INTO universities (name, city, state, ownership, approvals, naac_grade, nirf_rank, nirf_category, nirf_year, website, source_url)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT ((lower(name))) DO UPDATE SET city = EXCLUDED.city, state = EXCLUDED.state, ownership = EXCLUDED.ownership, approvals = EXCLUDED.approvals,
           naac_grade = EXCLUDED.naac_grade, nirf_rank = EXCLUDED.nirf_rank, nirf_category = EXCLUDED.nirf_category, nirf_year = EXCLUDED.nirf_year,
           website = EXCLUDED.website, source_url = EXCLUDED.source_url, version = universities.version + 1, updated_at = now()`,
        [u.name, u.city, u.state, u.ownership, u.approvals, u.naacGrade, u.nirfRank, u.nirfCategory, u.nirfYear, u.website, u.sourceUrl],
      );
    }
    for (const { row: p, id, writeProgram, fee } of plan.programs) {
      const programId =
        writeProgram || !id
          ? (
              await queryOne<{ id: string }>(
                manager,
                `INSERT INTO programs (university_id, name, level, credential_type, mode, duration_months, credits, stackable, source_url)
                 SELECT id, $2, $3, $4, $5, $6, $7, $8, $9 FROM universities WHERE lower(name) = lower($1)
                 ON CONFLICT (university_id, (lower(name))) DO UPDATE SET level = EXCLUDED.level, credential_type = EXCLUDED.credential_type, mode = EXCLUDED.mode,
                   duration_months = EXCLUDED.duration_months, credits = EXCLUDED.credits, stackable = EXCLUDED.stackable, source_url = EXCLUDED.source_url,
                   version = programs.version + 1, updated_at = now()
                 RETURNING id`,
                [p.universityName, p.name, p.level, p.credentialType, p.mode, p.durationMonths, p.credits, p.stackable, p.sourceUrl],
              )
            ).id
          : id;
      if (fee === 'unchanged') continue;
      if (fee === 'updated') await supersedeCurrentFee(manager, programId, p.session);
      await manager.query(`INSERT INTO fee_structures (program_id, session, components, total_paise, emi_available) VALUES ($1, $2, $3, $4, $5)`, [
        programId,
        p.session,
        JSON.stringify(p.components),
        p.totalPaise,
        p.emiAvailable,
      ]);
    }
  }
}
