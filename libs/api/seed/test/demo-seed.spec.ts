import { DataSource } from 'typeorm';
import { LEAD_STATUSES } from '@advisordesk/shared';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { dataSourceOptions } from '@advisordesk/api-database';
import { createTestDatabase, type TestDatabase } from '@advisordesk/api-database/testing';
import { DEMO_LEADS, DEMO_LOGINS, seedDemoIfEmpty } from '../src';

describe('the demo data', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const now = new Date('2026-11-29T06:30:00Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(dataSourceOptions(database.url));
    await dataSource.initialize();
    expect(await seedDemoIfEmpty(dataSource, { now })).toBe(true);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('has a user of every role, the sample catalogue, and a few hundred leads over six months', async () => {
    const roles = await queryRows<{ role: string; n: number }>(dataSource, `SELECT role, count(*)::int AS n FROM users GROUP BY role ORDER BY role`);
    expect(roles).toEqual([
      { role: 'admin', n: 1 },
      { role: 'advisor', n: 6 },
      { role: 'manager', n: 1 },
      { role: 'marketing', n: 1 },
    ]);
    for (const login of DEMO_LOGINS)
      expect((await queryOne<{ role: string }>(dataSource, `SELECT role FROM users WHERE email = $1`, [login.email])).role).toBe(login.role);
    const catalogue = await queryOne<{ universities: number; programs: number; fees: number }>(
      dataSource,
      `SELECT (SELECT count(*) FROM universities)::int AS universities, (SELECT count(*) FROM programs)::int AS programs, (SELECT count(*) FROM fee_structures WHERE session = '2026-27' OR session = '2025-26')::int AS fees`,
    );
    expect(catalogue).toEqual({ universities: 41, programs: 54, fees: 54 });
    const leads = await queryOne<{ n: number; oldest: Date; newest: Date }>(
      dataSource,
      `SELECT count(*)::int AS n, min(created_at) AS oldest, max(created_at) AS newest FROM leads`,
    );
    expect(leads.n).toBe(DEMO_LEADS);
    expect(now.getTime() - leads.oldest.getTime()).toBeLessThanOrEqual(181 * 86_400_000);
    expect(leads.newest.getTime()).toBeLessThanOrEqual(now.getTime());
  });

  it('covers every status, with histories that agree with each lead', async () => {
    const statuses = (await queryRows<{ status: string }>(dataSource, `SELECT DISTINCT status FROM leads`)).map((r) => r.status).sort();
    expect(statuses).toEqual([...LEAD_STATUSES].sort());
    const { mismatched } = await queryOne<{ mismatched: number }>(
      dataSource,
      `SELECT count(*)::int AS mismatched FROM leads l
        WHERE l.status <> COALESCE((SELECT a.data->>'to' FROM activities a WHERE a.lead_id = l.id AND a.type = 'status_change' ORDER BY a.created_at DESC, a.id DESC LIMIT 1), 'new')`,
    );
    expect(mismatched).toBe(0);
    const { lostWithoutReason } = await queryOne<{ lostWithoutReason: number }>(
      dataSource,
      `SELECT count(*)::int AS "lostWithoutReason" FROM leads WHERE status = 'lost' AND lost_reason IS NULL`,
    );
    expect(lostWithoutReason).toBe(0);
  });

  it('keeps the open-lead counters that assignment relies on in step with the leads', async () => {
    const rows = await queryRows<{ open_leads: number; actual: number }>(
      dataSource,
      `SELECT al.open_leads, (SELECT count(*)::int FROM leads l WHERE l.advisor_id = al.advisor_id AND l.status NOT IN ('enrolled', 'lost')) AS actual FROM advisor_load al`,
    );
    for (const row of rows) expect(row.open_leads).toBe(row.actual);
  });

  it('gives advisors follow-ups due today and overdue, shortlists and shared comparisons', async () => {
    const tasks = await queryOne<{ overdue: number; upcoming: number }>(
      dataSource,
      `SELECT count(*) FILTER (WHERE due_at < $1 AND done_at IS NULL)::int AS overdue, count(*) FILTER (WHERE due_at >= $1 AND done_at IS NULL)::int AS upcoming FROM tasks`,
      [now],
    );
    expect(tasks.overdue).toBeGreaterThan(10);
    expect(tasks.upcoming).toBeGreaterThan(10);
    const { shortlists, comparisons } = await queryOne<{ shortlists: number; comparisons: number }>(
      dataSource,
      `SELECT (SELECT count(DISTINCT lead_id) FROM shortlist_items)::int AS shortlists, (SELECT count(*) FROM comparisons)::int AS comparisons`,
    );
    expect(shortlists).toBeGreaterThan(20);
    expect(comparisons).toBeGreaterThan(10);
  });

  it('Priya has a colleague asking for one of her leads, so her home shows a transfer request to answer', async () => {
    const requests = await queryRows<{ owner: string; requester: string; resolved: boolean }>(
      dataSource,
      `SELECT o.email AS owner, q.email AS requester, r.resolved_at IS NOT NULL AS resolved
         FROM lead_transfer_requests r JOIN leads l ON l.id = r.lead_id JOIN users o ON o.id = l.advisor_id JOIN users q ON q.id = r.requested_by`,
    );
    expect(requests).toEqual([{ owner: 'advisor@advisordesk.local', requester: 'rahul@advisordesk.local', resolved: false }]);
  });

  it('has a few WhatsApp conversations: a reply waiting for Priya inside the window, a message that failed with 131047', async () => {
    const waiting = await queryRows<{ advisor: string; windowOpen: boolean }>(
      dataSource,
      `SELECT u.email AS advisor, l.whatsapp_window_ends_at > $1 AS "windowOpen" FROM leads l JOIN users u ON u.id = l.advisor_id WHERE l.whatsapp_unanswered`,
      [now],
    );
    expect(waiting).toContainEqual({ advisor: 'advisor@advisordesk.local', windowOpen: true });
    const failed = await queryRows<{ code: number }>(dataSource, `SELECT error_code AS code FROM whatsapp_messages WHERE status = 'failed'`);
    expect(failed).toEqual([{ code: 131047 }]);
    const kinds = await queryRows<{ kind: string }>(dataSource, `SELECT DISTINCT kind FROM whatsapp_messages ORDER BY kind`);
    expect(kinds.map((k) => k.kind)).toEqual(['image', 'location', 'template', 'text']);
    const timeline = await queryOne<{ n: number }>(
      dataSource,
      `SELECT count(*)::int AS n FROM activities WHERE type = 'whatsapp' AND data ? 'messageId'`,
    );
    expect(timeline.n).toBe((await queryOne<{ n: number }>(dataSource, `SELECT count(*)::int AS n FROM whatsapp_messages`)).n);
  });

  it('never seeds twice', async () => {
    expect(await seedDemoIfEmpty(dataSource, { now })).toBe(false);
  });
});
