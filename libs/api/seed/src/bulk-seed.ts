import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { PasswordService } from '@advisordesk/api-auth';
import { recountAdvisorLoads } from '@advisordesk/api-leads';
import { generateLead, type GeneratedLead } from './lead-history.generator';
import { Random } from './random';

/** COPY text format: tabs and newlines escaped, \N for null, times as ISO. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object')
    return JSON.stringify(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
const line = (values: unknown[]) => values.map(cell).join('\t') + '\n';

const LEAD_COPY_COLUMNS = `id, reference, full_name, phone, email, city, state, course_interest, level, mode, budget_paise, qualification, experience_years, status,
  lost_reason, max_stage, advisor_id, source, utm_source, utm_medium, utm_campaign, landing_url, consent_whatsapp, consent_marketing, consent_at,
  consent_source, next_follow_up_at, first_contacted_at, enrolled_at, lost_at, created_at, updated_at, version`;

function leadLine({ lead: l }: GeneratedLead): string {
  return line([
    l.id,
    l.reference,
    l.fullName,
    l.phone,
    l.email,
    l.city,
    l.state,
    l.courseInterest,
    l.level,
    l.mode,
    l.budgetPaise,
    l.qualification,
    l.experienceYears,
    l.status,
    l.lostReason,
    l.maxStage,
    l.advisorId,
    l.source,
    l.utmSource,
    l.utmMedium,
    l.utmCampaign,
    l.landingUrl,
    l.consentWhatsapp,
    l.consentMarketing,
    l.consentAt,
    l.consentAt ? (l.landingUrl ?? 'entered by advisor') : null,
    l.nextFollowUpAt,
    l.firstContactedAt,
    l.enrolledAt,
    l.lostAt,
    l.createdAt,
    l.updatedAt,
    l.version,
  ]);
}

export interface BulkSeedOptions {
  leads: number;
  advisors?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
  onIndexing?: () => void;
}

/**
 * A large, realistic dataset for benchmarks: a hundred advisors and `leads` leads (with their
 * inquiries, ~5 timeline entries each, follow-ups), streamed into PostgreSQL with COPY.
 * Appends to whatever is there; lead numbers continue from the current count.
 */
export async function bulkSeed(dataSource: DataSource, options: BulkSeedOptions): Promise<{ leads: number; activities: number }> {
  const now = (options.now ?? new Date()).getTime();
  const advisorCount = options.advisors ?? 100;
  const hash = await new PasswordService().hash('Advisor@12345');
  await dataSource.query(
    `INSERT INTO users (name, email, role, password_hash)
     SELECT 'Bench Advisor ' || i, 'bench.advisor' || i || '@advisordesk.local', 'advisor', $2 FROM generate_series(1, $1) i
     ON CONFLICT DO NOTHING`,
    [advisorCount, hash],
  );
  const advisors = (await queryRows<{ id: string }>(dataSource, `SELECT id FROM users WHERE role = 'advisor' AND active ORDER BY email`)).map(
    (r) => r.id,
  );
  const { offset } = await queryOne<{ offset: number }>(dataSource, `SELECT count(*)::int AS offset FROM leads`);
  const rng = new Random(1_000_003 + offset);
  const pool = (dataSource.driver as unknown as { master: Pool }).master;
  const chunk = 50_000;
  let activities = 0;
  // The per-row trigger keeping advisor_load costs more than the load itself: recount once at the end.
  // Secondary indexes are dropped and rebuilt after the load: building an index once is far
  // cheaper than maintaining it row by row (unique and primary keys stay, they guard the data).
  const indexes = await queryRows<{ name: string; definition: string }>(
    dataSource,
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i WHERE i.indrelid = ANY ('{leads,inquiries,activities,tasks}'::regclass[]) AND NOT i.indisunique AND NOT i.indisprimary`,
  );
  await dataSource.query(`ALTER TABLE leads DISABLE TRIGGER leads_advisor_load, DISABLE TRIGGER leads_advisor_load_insert`);
  for (const index of indexes) await dataSource.query(`DROP INDEX ${index.name}`);
  try {
    for (let start = 0; start < options.leads; start += chunk) {
      const batch: GeneratedLead[] = [];
      for (let i = start; i < Math.min(start + chunk, options.leads); i++) batch.push(generateLead(rng, offset + i, now, advisors, 365));
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SET LOCAL synchronous_commit = off');
        await pipeline(Readable.from(batch.map(leadLine)), client.query(copyFrom(`COPY leads (${LEAD_COPY_COLUMNS}) FROM STDIN`)));
        await pipeline(
          Readable.from(
            batch.map(({ lead: l }) =>
              line([
                l.id,
                l.createdAt,
                { fullName: l.fullName, phone: l.phone, courseInterest: l.courseInterest, utm: { campaign: l.utmCampaign } },
                l.landingUrl,
              ]),
            ),
          ),
          client.query(copyFrom(`COPY inquiries (lead_id, received_at, payload, source_url) FROM STDIN`)),
        );
        const activityLines = batch.flatMap(({ lead, activities: list }) => list.map((a) => line([lead.id, a.type, a.authorId, a.data, a.at])));
        activities += activityLines.length;
        await pipeline(
          Readable.from(activityLines),
          client.query(copyFrom(`COPY activities (lead_id, type, author_id, data, created_at) FROM STDIN`)),
        );
        await pipeline(
          Readable.from(
            batch.flatMap(({ lead, tasks }) =>
              tasks.map((t) => line([lead.id, lead.advisorId, t.title, t.dueAt, t.doneAt, t.outcome, lead.advisorId])),
            ),
          ),
          client.query(copyFrom(`COPY tasks (lead_id, owner_id, title, due_at, done_at, outcome, created_by) FROM STDIN`)),
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
      options.onProgress?.(Math.min(start + chunk, options.leads), options.leads);
    }
  } finally {
    await dataSource.query(`ALTER TABLE leads ENABLE TRIGGER leads_advisor_load, ENABLE TRIGGER leads_advisor_load_insert`);
    options.onIndexing?.();
    await dataSource.query(`SET maintenance_work_mem = '512MB'`);
    for (const index of indexes) await dataSource.query(index.definition);
  }
  await recountAdvisorLoads(dataSource);
  // Leads were generated in random order of arrival; a table that grew over a year holds them in
  // arrival order, which ordered reads (lists, the export) depend on. Lay it out that way.
  await dataSource.query(`CLUSTER leads USING leads_created_idx`);
  // VACUUM sets the visibility map, so list and report queries can use index-only scans at once.
  for (const table of ['leads', 'activities', 'tasks', 'inquiries']) await dataSource.query(`VACUUM (ANALYZE) ${table}`);
  return { leads: options.leads, activities };
}
