import request from 'supertest';
import { queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { ReportsModule } from '../src';
import { bucketedMedians, monthsAndEdges } from '../src/delay-buckets';

describe('a period split into whole months and edge days', () => {
  it('reads whole months from the buckets and the days around them from the leads', () => {
    expect(monthsAndEdges('2026-01-15', '2026-05-10')).toEqual({
      months: ['2026-02-01', '2026-05-01'],
      edges: [
        ['2026-01-15', '2026-01-31'],
        ['2026-05-01', '2026-05-10'],
      ],
    });
    expect(monthsAndEdges('2026-02-01', '2026-04-30')).toEqual({ months: ['2026-02-01', '2026-05-01'], edges: [] });
    expect(monthsAndEdges('2024-02-01', '2024-02-29')).toEqual({ months: ['2024-02-01', '2024-03-01'], edges: [] });
    expect(monthsAndEdges('2025-12-31', '2026-01-31')).toEqual({ months: ['2026-01-01', '2026-02-01'], edges: [['2025-12-31', '2025-12-31']] });
    expect(monthsAndEdges(null, '2026-03-10')).toEqual({ months: [null, '2026-03-01'], edges: [['2026-03-01', '2026-03-10']] });
    expect(monthsAndEdges('2026-03-10', null)).toEqual({ months: ['2026-04-01', null], edges: [['2026-03-10', '2026-03-31']] });
    expect(monthsAndEdges(null, null)).toEqual({ months: [null, null], edges: [] });
  });

  it('has no whole month in a shorter period, or one reaching into a second month only partly', () => {
    expect(monthsAndEdges('2026-03-02', '2026-03-31')).toEqual({ months: null, edges: [['2026-03-02', '2026-03-31']] });
    expect(monthsAndEdges('2026-03-10', '2026-04-20')).toEqual({ months: null, edges: [['2026-03-10', '2026-04-20']] });
    expect(monthsAndEdges('2026-05-01', '2026-04-01')).toEqual({ months: null, edges: [['2026-05-01', '2026-04-01']] });
  });
});

describe('conversion medians from the kept delay buckets', () => {
  let t: TestApp;
  let manager: SignedIn;
  let advisors: SignedIn[];
  // 40,000 leads; reports over 10,000 or more read the buckets (50,000 unless configured).
  const LEADS = 40_000;

  /** The exact medians (days) per key of a grouping, as percentile_cont gives them over the leads. */
  async function exact(key: string, where: string, params: unknown[] = []) {
    const rows = await queryRows<{ key: string; contact: number | null; enrolment: number | null }>(
      t.dataSource,
      `SELECT ${key} AS key,
              extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY l.first_contacted_at - l.created_at))::float8 / 86400 AS contact,
              extract(epoch FROM percentile_cont(0.5) WITHIN GROUP (ORDER BY l.enrolled_at - l.created_at))::float8 / 86400 AS enrolment
         FROM leads l WHERE ${where} GROUP BY 1`,
      params,
    );
    return new Map(rows.map((r) => [r.key, r]));
  }

  /** The kept buckets against the same sums taken from the leads now. */
  async function bucketsDriftFromLeads(): Promise<unknown[]> {
    return t.dataSource.query(`
      WITH fresh AS (
        SELECT d.dim, date_trunc('month', l.created_at AT TIME ZONE 'Asia/Kolkata')::date AS month, d.key, k.kind, k.bucket, count(*)::int AS n
          FROM leads l
         CROSS JOIN LATERAL (VALUES ('c'::"char", lead_delay_bucket(l.first_contacted_at - l.created_at)), ('e'::"char", lead_delay_bucket(l.enrolled_at - l.created_at))) AS k(kind, bucket)
         CROSS JOIN LATERAL (VALUES ('advisor', COALESCE(l.advisor_id::text, '')), ('source', l.source), ('utmCampaign', COALESCE(l.utm_campaign, '')), ('level', COALESCE(l.level, ''))) AS d(dim, key)
         WHERE k.bucket IS NOT NULL GROUP BY 1, 2, 3, 4, 5),
      kept AS (SELECT dim, month, key, kind, bucket, n FROM lead_delay_buckets WHERE n <> 0)
      (SELECT 'kept only' AS side, * FROM kept EXCEPT SELECT 'kept only', * FROM fresh)
      UNION ALL
      (SELECT 'leads only', * FROM fresh EXCEPT SELECT 'leads only', * FROM kept)`);
  }

  beforeAll(async () => {
    t = await createTestApp([ReportsModule], { REPORT_EXACT_MEDIANS_BELOW: '10000' });
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    advisors = [
      await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Advisor A'),
      await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Advisor B'),
      await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Advisor C'),
    ];
    // Leads from 10 January to late May 2026 (UTC), 9 in 10 contacted after 30 minutes to a day and
    // a half, 1 in 7 enrolled after 3 to 43 days; spread with a hash, so every month has many delays.
    await t.dataSource.query(
      `INSERT INTO leads (reference, full_name, phone, status, max_stage, advisor_id, source, utm_campaign, level, created_at, first_contacted_at, enrolled_at)
       SELECT 'AD-DB' || i, 'Lead ' || i, '+9170' || lpad(i::text, 8, '0'),
              CASE WHEN i % 7 = 0 THEN 'enrolled' WHEN i % 10 <> 0 THEN 'contacted' ELSE 'new' END,
              CASE WHEN i % 7 = 0 THEN 6 WHEN i % 10 <> 0 THEN 1 ELSE 0 END,
              CASE WHEN i % 11 = 0 THEN NULL ELSE ($1::uuid[])[i % 3 + 1] END,
              (ARRAY['website', 'referral', 'walk_in'])[i % 3 + 1],
              CASE WHEN i % 4 = 0 THEN 'spring-mba' WHEN i % 4 = 1 THEN 'diwali-pg' END,
              (ARRAY['PG', 'UG'])[i % 2 + 1],
              created, CASE WHEN i % 10 <> 0 THEN created + (0.02 + h1 * 1.5) * interval '1 day' END,
              CASE WHEN i % 7 = 0 THEN created + (3 + h2 * 40) * interval '1 day' END
         FROM generate_series(1, $2::int) i,
              LATERAL (SELECT timestamptz '2026-01-10T00:00:00Z' + (i::float8 / $2) * interval '135 days' AS created,
                              (abs(sin(i * 12.9898)) * 43758.5453)::numeric % 1 AS h1, (abs(sin(i * 78.233)) * 24634.6345)::numeric % 1 AS h2) r`,
      [advisors.map((a) => a.id), LEADS],
    );
  });
  afterAll(() => t.close());

  const periods = ['from=2026-01-15&to=2026-05-10', 'from=2026-02-01&to=2026-04-30', 'to=2026-04-12', ''];

  it('answers within 1 % of the exact medians, with exact counts, and says the medians are approximate', async () => {
    const groups = { advisor: `l.advisor_id`, source: 'l.source', utmCampaign: 'l.utm_campaign', level: 'l.level' };
    for (const period of periods) {
      const [from, to] = ['from', 'to'].map((name) => new URLSearchParams(period).get(name));
      const where = `l.created_at BETWEEN COALESCE($1::timestamptz, '-infinity') AND COALESCE($2::timestamptz, 'infinity')`;
      const bounds = [from && `${from}T00:00:00+05:30`, to && new Date(Date.parse(`${to}T00:00:00+05:30`) + 86_399_999).toISOString()];
      for (const [groupBy, key] of Object.entries(groups)) {
        const { body } = await request(t.http).get(`/api/reports/conversion?groupBy=${groupBy}&${period}`).set(manager.auth).expect(200);
        expect({ period, groupBy, approximate: body.mediansApproximate }).toEqual({ period, groupBy, approximate: true });
        const counted = await queryRows<{ key: string | null; leads: number; enrolled: number }>(
          t.dataSource,
          `SELECT ${key}::text AS key, count(*)::int AS leads, count(*) FILTER (WHERE l.status = 'enrolled')::int AS enrolled FROM leads l WHERE ${where} GROUP BY 1 ORDER BY 2 DESC, ${key}::text COLLATE "C"`,
          bounds,
        );
        const answered = body.rows.map((r: { key: string; leads: number; enrolled: number }) => [r.key, r.leads, r.enrolled]);
        expect(answered).toEqual(counted.map((r) => [r.key ?? 'none', r.leads, r.enrolled]));
        const medians = await exact(`COALESCE(${key}::text, 'none')`, where, bounds);
        for (const row of body.rows as { key: string; medianDaysToFirstContact: number; medianDaysToEnrolment: number }[]) {
          const truth = medians.get(row.key)!;
          // Shown to a tenth of a day: 1 % of the value plus the rounding.
          expect(Math.abs(row.medianDaysToFirstContact - truth.contact!)).toBeLessThanOrEqual(truth.contact! * 0.01 + 0.05);
          expect(Math.abs(row.medianDaysToEnrolment - truth.enrolment!)).toBeLessThanOrEqual(truth.enrolment! * 0.01 + 0.05);
        }
      }
    }
  });

  it('each median is within 1 % before rounding, the edge days included', async () => {
    const { months, edges } = monthsAndEdges('2026-01-15', '2026-05-10');
    const medians = await bucketedMedians(t.dataSource, 'advisor', null, months!, edges);
    const truth = await exact(
      `COALESCE(l.advisor_id::text, '')`,
      `l.created_at BETWEEN timestamptz '2026-01-15T00:00:00+05:30' AND timestamptz '2026-05-11T00:00:00+05:30' - interval '1 millisecond'`,
    );
    expect([...medians.keys()].sort()).toEqual([...truth.keys()].sort());
    for (const [key, median] of medians) {
      const exactly = truth.get(key)!;
      expect(Math.abs(median.contact! - exactly.contact!) / exactly.contact!).toBeLessThanOrEqual(0.01);
      expect(Math.abs(median.enrolment! - exactly.enrolment!) / exactly.enrolment!).toBeLessThanOrEqual(0.01);
    }
  });

  it('the buckets stay equal to the leads after contact, enrolment, reassignment, erasure and deletion', async () => {
    const [a, b] = advisors;
    await t.dataSource.query(
      `UPDATE leads SET first_contacted_at = created_at + interval '2 hours', status = 'contacted', max_stage = 1 WHERE first_contacted_at IS NULL AND reference LIKE 'AD-DB1%'`,
    );
    await t.dataSource.query(
      `UPDATE leads SET enrolled_at = created_at + interval '9 days', status = 'enrolled', max_stage = 6 WHERE reference LIKE 'AD-DB22%'`,
    );
    await t.dataSource.query(`UPDATE leads SET advisor_id = $1 WHERE advisor_id = $2 AND reference LIKE 'AD-DB3%'`, [b.id, a.id]);
    await t.dataSource.query(`UPDATE leads SET full_name = 'Renamed' WHERE reference LIKE 'AD-DB4%'`);
    await t.dataSource.query(`UPDATE leads SET full_name = 'Erased', phone = NULL, erased_at = now() WHERE reference = 'AD-DB5000'`);
    await t.dataSource.query(`UPDATE leads SET created_at = created_at - interval '40 days' WHERE reference LIKE 'AD-DB6%'`);
    await t.dataSource.query(`DELETE FROM leads WHERE reference LIKE 'AD-DB7%'`);
    expect(await bucketsDriftFromLeads()).toEqual([]);
    // And the report follows: Advisor B's figures now include the reassigned leads.
    const { body } = await request(t.http).get(`/api/reports/conversion?groupBy=advisor&advisorId=${b.id}`).set(manager.auth).expect(200);
    const exactly = (await exact('l.advisor_id::text', 'l.advisor_id = $1', [b.id])).get(b.id)!;
    expect(body.mediansApproximate).toBe(true);
    expect(body.rows).toHaveLength(1);
    expect(Math.abs(body.rows[0].medianDaysToEnrolment - exactly.enrolment!)).toBeLessThanOrEqual(exactly.enrolment! * 0.01 + 0.05);
  });

  it('reads the leads, exactly, for what the buckets do not keep', async () => {
    for (const query of ['groupBy=week', 'groupBy=utmSource', 'groupBy=advisor&status=contacted', 'groupBy=source&from=2026-03-02&to=2026-03-31']) {
      const { body } = await request(t.http).get(`/api/reports/conversion?${query}`).set(manager.auth).expect(200);
      expect({ query, approximate: body.mediansApproximate }).toEqual({ query, approximate: false });
    }
  });
});
