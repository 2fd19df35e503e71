/**
 * Document files, measured: `files` PDFs of `megabytes` MB each uploaded at once to one
 * application (`PUT /api/applications/:id/documents/:docId/file`), then downloaded at once, with
 * the API server's peak resident memory during each (it should stay flat: files are streamed in
 * chunks, never held whole). Downloads are checked byte for byte. The bench's lead, application
 * and files are removed afterwards.
 */
import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { ApplicationView, DocumentView } from '@advisordesk/shared';
import { peakRssDuring, rssMb } from './process-memory';

export interface DocumentTransferFigures {
  files: number;
  megabytes: number;
  uploadMBps: number;
  downloadMBps: number;
  /** The server's resident memory before the uploads, and its peaks during them and the downloads (MB). */
  baselineRssMb: number;
  uploadPeakRssMb: number;
  downloadPeakRssMb: number;
  /** Every download matched what was uploaded. */
  identical: boolean;
}

const BENCH_REFERENCE = 'AD-BENCHDOCS';

/** A PDF of `bytes` bytes: a real header and trailer around incompressible filler (as a scan is). */
function pdfOfSize(bytes: number): Buffer {
  const head = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 0 >>\nstream\n', 'latin1');
  const tail = Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
  return Buffer.concat([head, randomBytes(bytes - head.length - tail.length), tail]);
}

export async function benchDocumentTransfer(
  server: { url: string; pid: number },
  auth: Record<string, string>,
  databaseUrl: string,
  options: { files?: number; megabytes?: number } = {},
): Promise<DocumentTransferFigures> {
  const files = options.files ?? 10;
  const megabytes = options.megabytes ?? 2;
  const raw = new Client({ connectionString: databaseUrl });
  await raw.connect();
  const cleanUp = async () => {
    await raw.query(
      `DELETE FROM stored_files WHERE id IN (SELECT d.file_id FROM application_documents d JOIN applications a ON a.id = d.application_id JOIN leads l ON l.id = a.lead_id WHERE l.reference = $1)`,
      [BENCH_REFERENCE],
    );
    await raw.query(`DELETE FROM leads WHERE reference = $1`, [BENCH_REFERENCE]);
  };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<T>;
  };
  try {
    await cleanUp();
    const {
      rows: [lead],
    } = await raw.query<{ id: string }>(
      `INSERT INTO leads (reference, full_name, phone) VALUES ($1, 'Bench Documents', '+916599999999') RETURNING id`,
      [BENCH_REFERENCE],
    );
    const {
      rows: [program],
    } = await raw.query<{ id: string }>(
      `SELECT p.id FROM programs p WHERE EXISTS (SELECT 1 FROM fee_structures f WHERE f.program_id = p.id AND f.is_current) ORDER BY p.name, p.id LIMIT 1`,
    );
    const application = await call<ApplicationView>('POST', `/api/leads/${lead.id}/applications`, { programId: program.id });
    let documents = await call<DocumentView[]>('GET', `/api/applications/${application.id}/documents`);
    for (let i = documents.length; i < files; i++)
      await call('POST', `/api/applications/${application.id}/documents`, { kind: 'other', label: `Bench file ${i + 1}`, required: false });
    documents = (await call<DocumentView[]>('GET', `/api/applications/${application.id}/documents`)).slice(0, files);
    const contents = documents.map(() => pdfOfSize(megabytes * 1024 * 1024));
    const totalMb = (files * megabytes * 1024 * 1024) / 1e6;
    const baselineRssMb = rssMb(server.pid).now;

    const upload = await peakRssDuring(server.pid, async () => {
      const start = process.hrtime.bigint();
      await Promise.all(
        documents.map(async (document, i) => {
          const form = new FormData();
          form.append('file', new Blob([contents[i]], { type: 'application/pdf' }), `bench-${i + 1}.pdf`);
          const response = await fetch(`${server.url}/api/applications/${application.id}/documents/${document.id}/file`, {
            method: 'PUT',
            headers: auth,
            body: form,
          });
          if (!response.ok) throw new Error(`upload ${i + 1}: ${response.status} ${await response.text()}`);
          await response.arrayBuffer();
        }),
      );
      return Number(process.hrtime.bigint() - start) / 1e9;
    });

    const download = await peakRssDuring(server.pid, async () => {
      const start = process.hrtime.bigint();
      const hashes = await Promise.all(
        documents.map(async (document, i) => {
          const response = await fetch(`${server.url}/api/applications/${application.id}/documents/${document.id}/file`, { headers: auth });
          if (!response.ok || !response.body) throw new Error(`download ${i + 1}: ${response.status} ${await response.text()}`);
          const hash = createHash('sha256');
          const reader = response.body.getReader();
          for (;;) {
            const { done, value } = await reader.read();
            if (done) break;
            hash.update(value);
          }
          return hash.digest('hex');
        }),
      );
      return { seconds: Number(process.hrtime.bigint() - start) / 1e9, hashes };
    });

    return {
      files,
      megabytes,
      uploadMBps: totalMb / upload.result,
      downloadMBps: totalMb / download.result.seconds,
      baselineRssMb,
      uploadPeakRssMb: upload.peakMb,
      downloadPeakRssMb: download.peakMb,
      identical: download.result.hashes.every((hash, i) => hash === createHash('sha256').update(contents[i]).digest('hex')),
    };
  } finally {
    await cleanUp().catch(() => undefined);
    await raw.end();
  }
}
