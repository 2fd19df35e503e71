import type { CrudFilters, CrudSort } from '@refinedev/core';
import { istDate, leadExportFileName } from '@advisordesk/shared';

/**
 * The lead CSV export, done in the browser: the same query string the lead list sends through
 * @refinedev/simple-rest (so the file holds exactly the rows the list counts), a streamed download
 * that counts rows as they arrive (for a progress bar against `x-total-count`), and saving it.
 */

/** simple-rest's operator suffixes: `eq`/`in` → `field`, `ne`/`gte`/`lte` → `field_ne`…, `contains` → `field_like`. */
function suffixOf(operator: string): string {
  switch (operator) {
    case 'ne':
    case 'gte':
    case 'lte':
      return `_${operator}`;
    case 'contains':
      return '_like';
    default:
      return '';
  }
}

/**
 * `status=new&status=contacted&createdAt_gte=2026-04-01&_sort=createdAt&_order=desc`, as
 * simple-rest's `getList` builds it (without the paging): the last filter on a key wins, `q` stays
 * `q`, arrays repeat the key, an empty string stays (the API reads `field=` as "not set").
 */
export function leadExportQuery(filters: CrudFilters, sorters: CrudSort[]): string {
  const values = new Map<string, unknown>();
  for (const filter of filters) {
    if (filter.operator === 'or' || filter.operator === 'and')
      throw new Error('These filters combine conditions with "or"/"and", which the export cannot apply: simplify them first.');
    if (!('field' in filter)) continue;
    values.set(filter.field === 'q' ? 'q' : `${filter.field}${suffixOf(filter.operator)}`, filter.value);
  }
  const params = new URLSearchParams();
  for (const [key, value] of values) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) value.forEach((item) => params.append(key, String(item)));
    else params.append(key, String(value));
  }
  if (sorters.length) {
    params.set('_sort', sorters.map((s) => s.field).join(','));
    params.set('_order', sorters.map((s) => s.order).join(','));
  }
  return params.toString();
}

/** `attachment; filename="advisordesk-leads-2026-04-06.csv"` → the name, or `fallback`. */
export function filenameFromDisposition(header: string | null | undefined, fallback: string): string {
  if (!header) return fallback;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return safeFilename(decodeURIComponent(encoded[1].trim()), fallback);
    } catch {
      // a malformed encoded name: try the plain one
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  return safeFilename((plain?.[1] ?? plain?.[2] ?? '').trim(), fallback);
}

function safeFilename(name: string, fallback: string): string {
  // Path separators, characters filesystems refuse, and control characters become '-'.
  const cleaned = [...name]
    .map((c) => (c.charCodeAt(0) < 0x20 || '/\\?%*:|"<>'.includes(c) ? '-' : c))
    .join('')
    .trim();
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : fallback;
}

const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Counts CSV records in a byte stream as it arrives: newlines outside quoted fields end a record
 * (a quoted field may hold newlines; `""` toggles twice, so it needs no special case). UTF-8
 * never puts these two bytes inside a multi-byte character, so bytes can be counted undecoded.
 */
export function createCsvRowCounter() {
  let quoted = false;
  let records = 0;
  let pending = false;
  return {
    push(chunk: Uint8Array) {
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        if (byte === QUOTE) quoted = !quoted;
        else if (byte === NEWLINE && !quoted) {
          records++;
          pending = false;
          continue;
        }
        pending = true;
      }
    },
    /** Data rows so far (the header row is not one). */
    get rows() {
      return Math.max(0, records + (pending ? 1 : 0) - 1);
    },
  };
}

export class ExportFailed extends Error {
  constructor(
    message: string,
    readonly statusCode: number,
  ) {
    super(message);
    this.name = 'ExportFailed';
  }
}

export interface ExportProgress {
  rows: number;
  /** From `x-total-count`; null if the server did not say. */
  total: number | null;
}

export interface ExportResult extends ExportProgress {
  blob: Blob;
  filename: string;
}

export interface DownloadOptions {
  url: string;
  signal: AbortSignal;
  onProgress: (progress: ExportProgress) => void;
  /** The current access token. */
  getToken: () => string | undefined;
  /** Renews the session after a 401 (the panel's HTTP client refreshes once, or ends the session). */
  renewSession: () => Promise<unknown>;
  fetcher?: typeof fetch;
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown };
    if (typeof body?.message === 'string' && body.message) return body.message;
  } catch {
    // not the API's JSON error body
  }
  if (response.status === 403) return 'Your role may not export leads.';
  return `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
}

/**
 * Downloads the CSV with the signed-in user's token, reading the stream chunk by chunk and
 * reporting rows received. On a 401 the session is renewed once and the download starts again.
 */
export async function downloadLeadExport({
  url,
  signal,
  onProgress,
  getToken,
  renewSession,
  fetcher = fetch,
}: DownloadOptions): Promise<ExportResult> {
  const request = () => {
    const token = getToken();
    return fetcher(url, { signal, headers: { Accept: 'text/csv', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });
  };
  let response = await request();
  if (response.status === 401) {
    await renewSession();
    response = await request();
  }
  if (!response.ok) throw new ExportFailed(await errorMessage(response), response.status);

  const totalHeader = response.headers.get('x-total-count');
  const total = totalHeader !== null && /^\d+$/.test(totalHeader) ? Number(totalHeader) : null;
  const filename = filenameFromDisposition(response.headers.get('content-disposition'), leadExportFileName(istDate()));
  const counter = createCsvRowCounter();
  const chunks: Uint8Array[] = [];
  onProgress({ rows: 0, total });

  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      counter.push(value);
      onProgress({ rows: counter.rows, total });
    }
  } else {
    const bytes = new Uint8Array(await response.arrayBuffer());
    chunks.push(bytes);
    counter.push(bytes);
  }
  onProgress({ rows: counter.rows, total });
  return { blob: new Blob(chunks as BlobPart[], { type: 'text/csv;charset=utf-8' }), filename, rows: counter.rows, total };
}

/** Hands the file to the browser's downloads (an object URL and a `download` link). */
export function saveFile(blob: Blob, filename: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the URL after the click returns: free it a little later.
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
