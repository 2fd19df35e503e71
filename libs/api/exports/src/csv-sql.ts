/** SQL expressions that make CSV cells safe and readable, for exports written by PostgreSQL's COPY. */
import { FIRST_NAME_PATTERN, IST_OFFSET, PHONE_COUNTRIES, type LeadExportFormat } from '@advisordesk/shared';

/** What a spreadsheet runs as a formula when a cell starts with it. */
const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/** Triggers as code points, for `ascii()` of a cell's first character: an integer test, cheaper than comparing text. */
const codePoints = (triggers: string[]) => triggers.map((trigger) => trigger.codePointAt(0)).join(', ');

/** Text a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a leading apostrophe. */
export function sqlInert(expression: string): string {
  return `CASE WHEN ascii(${expression}) IN (${codePoints(FORMULA_TRIGGERS)}) THEN '''' || ${expression} ELSE ${expression} END`;
}

/**
 * A timestamp as ISO 8601 in Asia/Kolkata: 2026-04-01T09:30:00+05:30. India keeps one offset all
 * year, so the local time is plain arithmetic (no zone lookup), cut to the second, and the text of a
 * timestamp under the ISO DateStyle (which node-postgres needs too) with a `T`: less than half of to_char's cost.
 */
export function sqlIst(expression: string): string {
  return `replace(date_trunc('second', ${expression} AT TIME ZONE INTERVAL '${IST_OFFSET}')::text, ' ', 'T') || '${IST_OFFSET}'`;
}

export function sqlYesNo(expression: string): string {
  return `CASE WHEN ${expression} THEN 'yes' ELSE 'no' END`;
}

/** The calling codes we accept, longest first, so `+971…` is never read as `+97…`. */
const DIALS = [...new Set(PHONE_COUNTRIES.map((country) => country.dial))].sort((a, b) => b.length - a.length);

/**
 * An E.164 number as spaced digits, `+919002151709` → `91 90021 51709` (other countries: the calling
 * code, a space, the national number). No leading '+', which the formula-safety rule would prefix
 * with an apostrophe, and the spaces stop spreadsheets from reading it as a number (9.19E+11).
 */
export function sqlSpacedPhone(expression: string): string {
  // Every write stores E.164 (`normalisePhone`: '+' and digits), so '+91' and ten more characters is an Indian mobile; LIKE costs a fifth of a pattern.
  const india = `WHEN ${expression} LIKE '+91__________' THEN '91 ' || substr(${expression}, 4, 5) || ' ' || substr(${expression}, 9, 5)`;
  const others = DIALS.map(
    (dial) => `WHEN left(${expression}, ${dial.length + 1}) = '+${dial}' THEN '${dial} ' || substr(${expression}, ${dial.length + 2})`,
  );
  return `CASE ${[india, ...others].join(' ')} ELSE ltrim(${expression}, '+') END`;
}

/**
 * The first word of the full name (`firstNameOf` in the leads contract), made inert. The word is
 * empty or starts with the trimmed name's first character, so that character decides and the
 * pattern runs once a row; a word never starts with whitespace (tab, carriage return).
 */
export function sqlFirstName(expression: string): string {
  const trimmed = `btrim(${expression})`;
  const word = `substring(${trimmed} FROM '${FIRST_NAME_PATTERN}')`;
  const triggers = codePoints(FORMULA_TRIGGERS.filter((trigger) => !/\s/.test(trigger)));
  return `CASE WHEN ascii(${trimmed}) IN (${triggers}) THEN '''' || ${word} ELSE coalesce(${word}, '') END`;
}

/** A cell of the lead export, written as the leads contract says (`LeadExportFormat`). */
const CELLS: Record<LeadExportFormat, (column: string) => string> = {
  text: sqlInert,
  plain: (column) => column,
  phone: (column) => `ltrim(${column}, '+')`,
  phoneSpaced: sqlSpacedPhone,
  firstName: sqlFirstName,
  rupees: (column) => `trim_scale(${column} / 100.0)`,
  yesNo: sqlYesNo,
  time: sqlIst,
};

export function csvCell(format: LeadExportFormat, column: string): string {
  return CELLS[format](column);
}

/**
 * Replaces `$n` placeholders with literals, for statements that take no bind parameters (COPY).
 * Values come from the validated list filters; text is escaped by the driver's `escapeLiteral`,
 * arrays become array literals, so nothing the user typed is ever read as SQL.
 */
export function inlineParams(sql: string, params: unknown[], escapeLiteral: (text: string) => string): string {
  const literal = (value: unknown): string => {
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error('not a finite number');
      return String(value);
    }
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (value instanceof Date) return escapeLiteral(value.toISOString());
    if (Array.isArray(value)) return escapeLiteral(`{${value.map((v) => `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`);
    return escapeLiteral(String(value));
  };
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index < 0 || index >= params.length) throw new Error(`no value for $${n}`);
    return literal(params[index]);
  });
}
