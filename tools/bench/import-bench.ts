/**
 * The lead CSV import, measured: a generated file of `rows` leads (a share of them phones that are
 * already leads) applied through `POST /api/leads/import` as one upload, with the API server's
 * peak resident memory meanwhile (it should stay flat: the file is streamed and written in
 * chunks, never held); beside it, the raw-SQL equivalent (COPY of the same kind of rows into a
 * temporary table, then set-based inserts of leads and inquiries). What the bench added is removed
 * afterwards.
 */
import { once } from 'node:events';
import { createWriteStream, openAsBlob } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { LeadImportResult } from '@advisordesk/shared';
import { peakRssDuring, rssMb } from './process-memory';

export interface ImportFigures {
  rows: number;
  /** Rows whose phone was already a lead (an inquiry, not a lead). */
  existing: number;
  created: number;
  seconds: number;
  /** The dry run of the same file: reading and checking every row, writing nothing. */
  dryRunSeconds: number;
  megabytes: number;
  baselineRssMb: number;
  peakRssMb: number;
  /** The same number of rows by COPY and two INSERT … SELECT statements. */
  rawSeconds: number;
}

const CAMPAIGN = 'bench-import';
const RAW_CAMPAIGN = 'bench-import-raw';
const CITIES = ['Pune', 'Mumbai', 'Delhi', 'Bengaluru', 'Hyderabad', 'Chennai', 'Kolkata', 'Jaipur', 'Lucknow', 'Indore'];
const COURSES = ['Online MBA', 'Online MCA', 'BBA', 'BCA', 'PG Diploma in Data Science', 'M.Com'];

/** The file, written to disk as it is generated (the bench holds neither it nor its rows). */
async function writeFile(path: string, rows: number, phones: (i: number) => string): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('Name,Mobile,E-mail,City,Course,Level,Mode,utm_campaign,WhatsApp consent,Consent source\n');
  for (let i = 0; i < rows; i++) {
    const consent = i % 3 === 0;
    await write(
      `Bench Student ${i},${phones(i)},student${i}@example.in,${CITIES[i % CITIES.length]},${COURSES[i % COURSES.length]},PG,online,${CAMPAIGN},` +
        `${consent ? 'yes' : 'no'},${consent ? 'Bench fair sign-up sheet' : ''}\n`,
    );
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}

export async function benchLeadImport(
  server: { url: string; pid: number },
  auth: Record<string, string>,
  databaseUrl: string,
  options: { rows?: number; existingShare?: number } = {},
): Promise<ImportFigures> {
  const rows = options.rows ?? 100_000;
  const raw = new Client({ connectionString: databaseUrl });
  await raw.connect();
  const folder = await mkdtemp(join(tmpdir(), 'advisordesk-import-bench-'));
  let importId: string | undefined;
  const started = new Date();
  const cleanUp = async () => {
    // Consent events the import recorded on leads that were already there.
    await raw.query(`DELETE FROM activities WHERE type = 'consent' AND data->>'via' = 'import' AND created_at >= $1`, [started]);
    if (importId) {
      await raw.query(`DELETE FROM activities WHERE data->'import'->>'id' = $1`, [importId]);
      await raw.query(`DELETE FROM inquiries WHERE import_id = $1`, [importId]);
    }
    await raw.query(`DELETE FROM leads WHERE utm_campaign = ANY($1) AND source = 'import'`, [[CAMPAIGN, RAW_CAMPAIGN]]);
    if (importId) await raw.query(`DELETE FROM lead_imports WHERE id = $1`, [importId]);
  };
  try {
    // Leads already in the database (10 digits, as a spreadsheet has them): their rows add inquiries.
    const { rows: known } = await raw.query<{ phone: string }>(
      `SELECT right(phone, 10) AS phone FROM leads WHERE phone LIKE '+91%' AND erased_at IS NULL LIMIT $1`,
      [Math.floor(rows * (options.existingShare ?? 0.05))],
    );
    // 82xxxxxxxx and 81xxxxxxxx: valid mobiles that neither the seed (9…) nor the intake bench (70…) uses.
    const base = (prefix: number) => prefix * 100_000_000 + Math.floor(Math.random() * (100_000_000 - rows));
    const fresh = base(82);
    const every = known.length ? Math.max(1, Math.floor(rows / known.length)) : 0;
    const phoneOf = (i: number) => (every && i % every === 0 && known[i / every] ? known[i / every].phone : String(fresh + i));

    const file = join(folder, 'bench-leads.csv');
    const bytes = await writeFile(file, rows, phoneOf);
    const upload = async (dryRun: boolean) => {
      const start = process.hrtime.bigint();
      const form = new FormData();
      form.append('file', await openAsBlob(file, { type: 'text/csv' }), 'bench-leads.csv');
      const response = await fetch(`${server.url}/api/leads/import?dryRun=${dryRun}`, { method: 'POST', headers: auth, body: form });
      const text = await response.text();
      if (!response.ok) throw new Error(`import: ${response.status} ${text.slice(0, 2000)}`);
      return { seconds: Number(process.hrtime.bigint() - start) / 1e9, result: JSON.parse(text) as LeadImportResult };
    };
    const dryRun = await upload(true);
    const baselineRssMb = rssMb(server.pid).now;
    const applied = await peakRssDuring(server.pid, () => upload(false));
    importId = applied.result.result.importId;

    // The raw-SQL equivalent: the same rows (new phones) by COPY, then leads and inquiries set-based.
    const rawFresh = base(81);
    const rawStart = process.hrtime.bigint();
    await raw.query('BEGIN');
    await raw.query(
      `CREATE TEMP TABLE bench_import (full_name text, phone text, email text, city text, course_interest text, level text, mode text, utm_campaign text, consent_whatsapp boolean, consent_source text) ON COMMIT DROP`,
    );
    const copy = raw.query(copyFrom(`COPY bench_import FROM STDIN WITH (FORMAT csv)`));
    await pipeline(
      Readable.from(
        (function* () {
          for (let i = 0; i < rows; i++) {
            const consent = i % 3 === 0;
            yield `Bench Student ${i},+91${rawFresh + i},student${i}@example.in,${CITIES[i % CITIES.length]},${COURSES[i % COURSES.length]},PG,online,${RAW_CAMPAIGN},${consent},${consent ? 'Bench fair sign-up sheet' : ''}\n`;
          }
        })(),
      ),
      copy,
    );
    await raw.query(
      `WITH lead AS (
         INSERT INTO leads (reference, full_name, phone, email, city, course_interest, level, mode, source, utm_campaign, consent_whatsapp, consent_at, consent_source)
         SELECT 'AD-B' || upper(substr(md5(phone), 1, 12)), full_name, phone, email, city, course_interest, level, mode, 'import', utm_campaign,
                consent_whatsapp, CASE WHEN consent_whatsapp THEN now() END, consent_source
           FROM bench_import ORDER BY phone
         ON CONFLICT (phone) WHERE phone IS NOT NULL DO NOTHING RETURNING id, phone)
       INSERT INTO inquiries (lead_id, payload) SELECT lead.id, to_jsonb(b) FROM lead JOIN bench_import b USING (phone)`,
    );
    await raw.query('COMMIT');
    const rawSeconds = Number(process.hrtime.bigint() - rawStart) / 1e9;

    return {
      rows,
      existing: applied.result.result.existing,
      created: applied.result.result.created,
      seconds: applied.result.seconds,
      dryRunSeconds: dryRun.seconds,
      megabytes: bytes / 1e6,
      baselineRssMb,
      peakRssMb: applied.peakMb,
      rawSeconds,
    };
  } finally {
    await raw.query('ROLLBACK').catch(() => undefined);
    await cleanUp().catch((error: unknown) => console.error(`Cleaning up the import bench: ${(error as Error).message}`));
    await raw.end();
    await rm(folder, { recursive: true, force: true });
  }
}
