import { toIstIso } from '@advisordesk/shared';

/** Characters that make a spreadsheet run a cell as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Makes a cell inert for Excel, LibreOffice and Google Sheets: a leading apostrophe. */
export function inertCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return toIstIso(value);
  const text = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}
