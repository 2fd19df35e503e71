/**
 * Bulk reassign, measured: `leads` of the bench's own (one campaign, one advisor) reassigned to
 * another advisor through `POST /api/leads/bulk` by filter (the background operation, timed from
 * the request to the operation's `done`), beside the raw-SQL equivalent: one UPDATE of the leads
 * and one INSERT of their timeline entries. The leads are removed afterwards.
 */
import { Client } from 'pg';

export interface BulkReassignFigures {
  leads: number;
  apiSeconds: number;
  rawSeconds: number;
  updated: number;
  skipped: number;
}

const REFERENCE_PREFIX = 'AD-BENCHBULK';
const CAMPAIGN = 'bench-bulk-reassign';

export async function benchBulkReassign(
  server: { url: string },
  auth: Record<string, string>,
  databaseUrl: string,
  options: { leads: number },
): Promise<BulkReassignFigures> {
  const raw = new Client({ connectionString: databaseUrl });
  await raw.connect();
  try {
    const advisors = (await raw.query<{ id: string }>(`SELECT id FROM users WHERE role = 'advisor' AND active ORDER BY email LIMIT 2`)).rows;
    if (advisors.length < 2) throw new Error('The bulk reassign needs two active advisors (the demo data has them)');
    const [from, to] = advisors.map((a) => a.id);
    await raw.query(`DELETE FROM leads WHERE reference LIKE $1`, [`${REFERENCE_PREFIX}%`]);
    await raw.query(
      `INSERT INTO leads (reference, full_name, source, advisor_id, utm_campaign)
       SELECT $1 || g, 'Bulk Bench ' || g, 'referral', $2, $3 FROM generate_series(1, $4) g`,
      [REFERENCE_PREFIX, from, CAMPAIGN, options.leads],
    );
    await raw.query(`ANALYZE leads`);

    const start = process.hrtime.bigint();
    const submitted = await fetch(`${server.url}/api/leads/bulk`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ filter: `utmCampaign=${CAMPAIGN}`, action: 'assign', advisorId: to }),
    });
    if (submitted.status !== 202) throw new Error(`bulk reassign: ${submitted.status} ${await submitted.text()}`);
    const { operationId } = (await submitted.json()) as { operationId: string };
    let operation: { status: string; updated: number; skipped: unknown[]; error: string | null };
    for (;;) {
      const response = await fetch(`${server.url}/api/leads/bulk/${operationId}`, { headers: auth });
      operation = (await response.json()) as typeof operation;
      if (operation.status === 'done' || operation.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const apiSeconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (operation.status === 'failed') throw new Error(`bulk reassign failed: ${operation.error}`);

    // The same move back, as one statement of raw SQL (the notification trigger fires for both).
    const rawStart = process.hrtime.bigint();
    await raw.query(
      `WITH moved AS (UPDATE leads SET advisor_id = $2, version = version + 1, updated_at = now()
                       WHERE utm_campaign = $1 AND reference LIKE $4 RETURNING id)
       INSERT INTO activities (lead_id, type, author_id, data)
       SELECT id, 'assignment', NULL, jsonb_build_object('from', $3::uuid, 'to', $2::uuid) FROM moved`,
      [CAMPAIGN, from, to, `${REFERENCE_PREFIX}%`],
    );
    const rawSeconds = Number(process.hrtime.bigint() - rawStart) / 1e9;

    await raw.query(`DELETE FROM bulk_operations WHERE id = $1`, [operationId]);
    await raw.query(`DELETE FROM leads WHERE reference LIKE $1`, [`${REFERENCE_PREFIX}%`]);
    return { leads: options.leads, apiSeconds, rawSeconds, updated: operation.updated, skipped: operation.skipped.length };
  } finally {
    await raw.end();
  }
}
