import { parse } from 'csv-parse/browser/esm/sync';
import { detectCsvDelimiter } from '@advisordesk/shared';

/** How much of a file the panel reads to show its columns: the rest goes to the server unread. */
const HEAD_BYTES = 64 * 1024;
/** Sample values shown beside each header. */
export const SAMPLE_ROWS = 3;

export interface FileHead {
  headers: string[];
  /** The first few rows' values, per header. */
  samples: Record<string, string[]>;
}

/** The headers and first rows of CSV text (comma, semicolon or tab, as the server reads it). */
export function readHead(text: string): FileHead {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split(/\r?\n/, 1)[0] ?? '';
  const records = parse(clean, {
    delimiter: detectCsvDelimiter(firstLine),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    to: SAMPLE_ROWS + 1,
  }) as string[][];
  const headers = (records[0] ?? []).map((h) => h.trim());
  const samples = Object.fromEntries(headers.map((h, i) => [h, records.slice(1).map((r) => (r[i] ?? '').trim())]));
  return { headers, samples };
}

/** The head of a picked file, without reading the whole of it (the last, cut line left out). */
export async function readFileHead(file: Blob): Promise<FileHead> {
  const slice = await file.slice(0, HEAD_BYTES).text();
  const text = file.size > HEAD_BYTES ? slice.slice(0, Math.max(slice.lastIndexOf('\n'), 0)) : slice;
  return readHead(text);
}

/** Text pasted from a spreadsheet (tab-separated), as the file the server takes. */
export function pastedFile(text: string): File {
  return new File([text], 'pasted.tsv', { type: 'text/tab-separated-values' });
}
