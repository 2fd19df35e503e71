/** SQL expressions that make CSV cells safe and readable, for exports written by PostgreSQL's COPY. */
import { FIRST_NAME_PATTERN, IST_OFFSET, IST_TIME_ZONE, PHONE_COUNTRIES, type LeadExportFormat } from '@advisordesk/shared';

/** Text a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a leading apostrophe. */
export function sqlInert(expression: string): string {
  return `CASE WHEN left(${expression}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${expression} ELSE ${expression} END`;
}

/** A timestamp as ISO 8601 in Asia/Kolkata: 2026-04-01T09:30:00+05:30. */
export function sqlIst(expression: string): string {
  return `to_char(${expression} AT TIME ZONE '${IST_TIME_ZONE}', 'YYYY-MM-DD"T"HH24:MI:SS"${IST_OFFSET}"')`;
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
  const india = `WHEN ${expression} ~ '^\\+91[0-9]{10}$' THEN '91 ' || substr(${expression}, 4, 5) || ' ' || substr(${expression}, 9, 5)`;
  const others = DIALS.map(
    (dial) => `WHEN left(${expression}, ${dial.length + 1}) = '+${dial}' THEN '${dial} ' || substr(${expression}, ${dial.length + 2})`,
  );
  return `CASE ${[india, ...others].join(' ')} ELSE ltrim(${expression}, '+') END`;
}

/** The first word of the full name (`firstNameOf` in the leads contract), made inert. */
export function sqlFirstName(expression: string): string {
  return sqlInert(`coalesce(substring(btrim(${expression}) FROM '${FIRST_NAME_PATTERN}'), '')`);
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
