/** SQL expressions that make CSV cells safe and readable, for exports written by PostgreSQL's COPY. */
import { IST_OFFSET, IST_TIME_ZONE, type LeadExportFormat } from '@advisordesk/shared';

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

/** A cell of the lead export, written as the leads contract says (`LeadExportFormat`). */
const CELLS: Record<LeadExportFormat, (column: string) => string> = {
  text: sqlInert,
  plain: (column) => column,
  phone: (column) => `ltrim(${column}, '+')`,
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
