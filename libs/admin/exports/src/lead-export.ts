import { istDate, leadExportFileName } from '@advisordesk/shared';
import { filenameFromDisposition } from '@advisordesk/admin-data';

/**
 * The lead CSV export, done in the browser: the same query string the lead list sends through
 * @refinedev/simple-rest (so the file holds exactly the rows the list counts), a streamed download
 * that counts rows as they arrive (for a progress bar against `x-total-count`), and saving it.
 */

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
