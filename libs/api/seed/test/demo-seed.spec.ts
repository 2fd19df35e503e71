import { DataSource } from 'typeorm';
import { APPLICATION_STATUSES, istDate, LEAD_STATUSES } from '@advisordesk/shared';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { CHUNK_BYTES, sniffFileType } from '@advisordesk/api-applications';
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

  it('shows data protection at work: minors with and without a verified guardian, rights requests in each state, a reported breach', async () => {
    const minors = await queryRows<{ verified: boolean; guardian: string }>(
      dataSource,
      `SELECT guardian_verified_at IS NOT NULL AS verified, guardian_name AS guardian FROM leads WHERE is_minor ORDER BY 1`,
    );
    expect(minors).toEqual([
      { verified: false, guardian: 'Lata Deshpande' },
      { verified: true, guardian: 'Suresh Menon' },
    ]);
    const requests = await queryRows<{ status: string; overdue: boolean; lead: boolean }>(
      dataSource,
      `SELECT status, due_at < $1 AS overdue, lead_id IS NOT NULL AS lead FROM data_requests ORDER BY status, due_at`,
      [now],
    );
    expect(requests).toEqual([
      { status: 'done', overdue: false, lead: true },
      { status: 'open', overdue: true, lead: true },
      { status: 'open', overdue: false, lead: true },
      { status: 'unverified', overdue: null, lead: true },
    ]);
    const breach = await queryOne<{ status: string; affected: number }>(
      dataSource,
      `SELECT b.status, (SELECT count(*)::int FROM breach_leads WHERE breach_id = b.id) AS affected FROM breaches b`,
    );
    expect(breach).toEqual({ status: 'reported', affected: 2 });
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

  it('has applications in every status, each agreeing with its lead: the lead is as far as its furthest application took it', async () => {
    const statuses = (await queryRows<{ status: string }>(dataSource, `SELECT DISTINCT status FROM applications`)).map((r) => r.status).sort();
    expect(statuses).toEqual([...APPLICATION_STATUSES].sort());
    // Application stages 2, 3, 4 (submitted, offer, enrolled) bring the lead to 4, 5, 6 (applied, admitted, enrolled).
    const leads = await queryRows<{ status: string; maxStage: number; furthest: number }>(
      dataSource,
      `SELECT l.status, l.max_stage AS "maxStage", max(a.max_stage)::int AS furthest FROM leads l JOIN applications a ON a.lead_id = l.id GROUP BY l.id`,
    );
    expect(leads.length).toBeGreaterThan(30);
    for (const lead of leads) {
      if (lead.furthest >= 2) expect(lead.maxStage).toBeGreaterThanOrEqual(lead.furthest + 2);
      expect(lead.maxStage).toBeGreaterThanOrEqual(3);
    }
    const following = { applied: 2, admitted: 3, enrolled: 4 } as Record<string, number>;
    for (const lead of leads.filter((l) => l.status in following)) expect({ ...lead, furthest: following[lead.status] }).toEqual(lead);
    const { unmarked } = await queryOne<{ unmarked: number }>(
      dataSource,
      `SELECT count(*)::int AS unmarked FROM activities a
        WHERE a.type = 'status_change' AND a.data->>'to' IN ('applied', 'admitted', 'enrolled') AND a.data->>'via' IS DISTINCT FROM 'application'
          AND EXISTS (SELECT 1 FROM applications ap WHERE ap.lead_id = a.lead_id)`,
    );
    expect(unmarked).toBe(0);
  });

  it('open applications have deadlines around today, some of them this week', async () => {
    const week = await queryOne<{ thisWeek: number; later: number }>(
      dataSource,
      `SELECT count(*) FILTER (WHERE deadline BETWEEN $1::date AND $1::date + 6)::int AS "thisWeek", count(*) FILTER (WHERE deadline > $1::date + 31)::int AS later
         FROM applications WHERE status IN ('planned', 'documents', 'submitted', 'offer')`,
      [istDate(now)],
    );
    expect(week.thisWeek).toBeGreaterThan(5);
    expect(week.later).toBe(0);
  });

  it('documents follow the default checklist, some verified, some rejected, and every uploaded file reads back whole', async () => {
    const checklists = await queryRows<{ n: number; positions: number[] }>(
      dataSource,
      `SELECT count(*)::int AS n, array_agg(position ORDER BY position) AS positions FROM application_documents GROUP BY application_id`,
    );
    expect(checklists.length).toBe((await queryOne<{ n: number }>(dataSource, `SELECT count(*)::int AS n FROM applications`)).n);
    for (const checklist of checklists) expect(checklist.positions).toEqual([0, 1, 2, 3, 4, 5]);
    const states = await queryRows<{ status: string; withFile: boolean; n: number }>(
      dataSource,
      `SELECT status, file_id IS NOT NULL AS "withFile", count(*)::int AS n FROM application_documents GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(states.map((s) => [s.status, s.withFile])).toEqual([
      ['missing', false],
      ['rejected', true],
      ['uploaded', true],
      ['verified', true],
    ]);
    const files = await queryRows<{
      contentType: string;
      documentType: string;
      size: number;
      documentSize: number;
      bytes: number;
      chunks: number;
      first: number;
      last: number;
      largest: number;
      hashMatches: boolean;
      head: Buffer;
    }>(
      dataSource,
      `SELECT f.content_type AS "contentType", d.content_type AS "documentType", f.size, d.size AS "documentSize",
              sum(octet_length(c.data))::int AS bytes, count(*)::int AS chunks, min(c.n) AS first, max(c.n) AS last, max(octet_length(c.data)) AS largest,
              f.sha256 = sha256(string_agg(c.data, ''::bytea ORDER BY c.n)) AS "hashMatches", substring(string_agg(c.data, ''::bytea ORDER BY c.n) FROM 1 FOR 64) AS head
         FROM application_documents d JOIN stored_files f ON f.id = d.file_id JOIN stored_file_chunks c ON c.file_id = f.id
        GROUP BY d.id, f.id`,
    );
    const uploaded = await queryOne<{ n: number }>(dataSource, `SELECT count(*)::int AS n FROM application_documents WHERE file_id IS NOT NULL`);
    expect(files.length).toBe(uploaded.n);
    for (const file of files) {
      expect(file).toMatchObject({
        documentType: file.contentType,
        documentSize: file.size,
        bytes: file.size,
        first: 0,
        last: file.chunks - 1,
        hashMatches: true,
      });
      expect(file.largest).toBeLessThanOrEqual(CHUNK_BYTES);
      // What the API decides from the first bytes is what the file says it is.
      expect(sniffFileType(file.head)).toMatchObject({ accepted: true, contentType: file.contentType });
    }
    expect(new Set(files.map((f) => f.contentType))).toEqual(new Set(['application/pdf', 'image/png', 'image/jpeg']));
    expect(files.some((f) => f.chunks > 1)).toBe(true);
  });

  it('applications that were submitted paid their application fee, in paise with a reference', async () => {
    const unpaid = await queryOne<{ n: number }>(
      dataSource,
      `SELECT count(*)::int AS n FROM applications a WHERE a.max_stage >= 2 AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.application_id = a.id AND p.kind = 'application_fee')`,
    );
    expect(unpaid.n).toBe(0);
    const payments = await queryRows<{ kind: string; amount: string; reference: string | null; paidAt: string }>(
      dataSource,
      `SELECT kind, amount_paise AS amount, reference, to_char(paid_at, 'YYYY-MM-DD') AS "paidAt" FROM payments`,
    );
    expect(new Set(payments.map((p) => p.kind))).toEqual(new Set(['application_fee', 'tuition', 'other']));
    for (const payment of payments) {
      expect(Number(payment.amount) % 100).toBe(0);
      expect(payment.reference).toMatch(/^(UPI|NEFT) \d{12}$/);
      expect(payment.paidAt <= istDate(now)).toBe(true);
    }
  });

  it("puts each application's steps on its lead's timeline as the API writes them", async () => {
    const counts = await queryOne<{ created: number; statuses: number; uploads: number; reviews: number; payments: number }>(
      dataSource,
      `SELECT count(*) FILTER (WHERE data->>'action' = 'created')::int AS created, count(*) FILTER (WHERE data->>'action' = 'status')::int AS statuses,
              count(*) FILTER (WHERE data->>'action' = 'document_uploaded')::int AS uploads, count(*) FILTER (WHERE data->>'action' = 'document_reviewed')::int AS reviews,
              count(*) FILTER (WHERE data->>'action' = 'payment')::int AS payments
         FROM activities WHERE type = 'application'`,
    );
    const expected = await queryOne<typeof counts>(
      dataSource,
      `SELECT (SELECT count(*) FROM applications)::int AS created, (SELECT sum(version - 1) FROM applications)::int AS statuses,
              (SELECT count(*) FROM application_documents WHERE file_id IS NOT NULL)::int AS uploads,
              (SELECT count(*) FROM application_documents WHERE reviewed_at IS NOT NULL)::int AS reviews, (SELECT count(*) FROM payments)::int AS payments`,
    );
    expect(counts).toEqual(expected);
    const { strays } = await queryOne<{ strays: number }>(
      dataSource,
      `SELECT count(*)::int AS strays FROM activities t WHERE t.type = 'application'
          AND NOT EXISTS (SELECT 1 FROM applications a JOIN programs p ON p.id = a.program_id JOIN universities u ON u.id = p.university_id
                           WHERE a.id::text = t.data->>'applicationId' AND a.lead_id = t.lead_id AND t.data->>'program' = p.name || ', ' || u.name)`,
    );
    expect(strays).toBe(0);
  });

  it('never seeds twice', async () => {
    expect(await seedDemoIfEmpty(dataSource, { now })).toBe(false);
  });
});
