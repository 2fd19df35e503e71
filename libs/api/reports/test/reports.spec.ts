import request from 'supertest';
import { queryOne } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { ReportsModule } from '../src';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe('conversion reports on crafted histories', () => {
  let t: TestApp;
  let manager: SignedIn;
  let a: SignedIn;
  let b: SignedIn;
  let marketing: SignedIn;
  let n = 0;

  /** A lead created at `created` (UTC), that reached `maxStage`, with its first contact and enrolment. */
  async function lead(
    advisor: SignedIn,
    created: string,
    maxStage: number,
    status: string,
    extra: { contactedAfterDays?: number; enrolledAfterDays?: number; lostReason?: string; campaign?: string; source?: string; level?: string } = {},
  ) {
    n++;
    const createdAt = new Date(created);
    await t.dataSource.query(
      `INSERT INTO leads (reference, full_name, phone, status, lost_reason, max_stage, advisor_id, source, utm_campaign, level, created_at, first_contacted_at, enrolled_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        `AD-TEST${String(n).padStart(4, '0')}`,
        `Lead ${n}`,
        `+9198000000${String(n).padStart(2, '0')}`,
        status,
        extra.lostReason ?? null,
        maxStage,
        advisor.id,
        extra.source ?? 'website',
        extra.campaign ?? null,
        extra.level ?? 'PG',
        createdAt,
        extra.contactedAfterDays === undefined ? null : new Date(createdAt.getTime() + extra.contactedAfterDays * DAY),
        extra.enrolledAfterDays === undefined ? null : new Date(createdAt.getTime() + extra.enrolledAfterDays * DAY),
      ],
    );
  }

  beforeAll(async () => {
    t = await createTestApp([ReportsModule]);
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    a = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Advisor A');
    b = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Advisor B');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing');
    // Times are UTC; the comments give Asia/Kolkata (UTC+05:30).
    await lead(a, '2026-04-06T04:30:00Z', 0, 'new', { campaign: 'spring-mba' }); // Mon 6 Apr 10:00
    await lead(a, '2026-04-06T05:00:00Z', 1, 'contacted', { contactedAfterDays: 1, campaign: 'spring-mba' });
    await lead(a, '2026-04-07T05:00:00Z', 3, 'shortlisted', { contactedAfterDays: 2, campaign: 'spring-mba' }); // skipped contacted and counselled
    await lead(a, '2026-04-08T05:00:00Z', 6, 'enrolled', { contactedAfterDays: 1, enrolledAfterDays: 30, campaign: 'diwali-pg' });
    await lead(b, '2026-04-08T06:00:00Z', 2, 'lost', { contactedAfterDays: 3, lostReason: 'budget', source: 'referral' }); // lost after counselling
    await lead(b, '2026-04-12T19:00:00Z', 6, 'enrolled', { contactedAfterDays: 0.5, enrolledAfterDays: 10, source: 'referral', level: 'UG' }); // Mon 13 Apr 00:30 IST
    await lead(b, '2026-03-31T19:00:00Z', 0, 'new', { source: 'walk_in' }); // Wed 1 Apr 00:30 IST: in April
    await lead(a, '2026-03-31T18:00:00Z', 6, 'enrolled', { contactedAfterDays: 1, enrolledAfterDays: 5 }); // Tue 31 Mar 23:30 IST: not in April
  });
  afterAll(() => t.close());

  const april = 'from=2026-04-01&to=2026-04-30';

  it('the funnel counts a lead at every stage it reached, skipped stages and lost leads included', async () => {
    const { body } = await request(t.http).get(`/api/reports/funnel?${april}`).set(manager.auth).expect(200);
    expect(body.stages.map((s: { stage: string; reached: number }) => [s.stage, s.reached])).toEqual([
      ['new', 7],
      ['contacted', 5],
      ['counselled', 4],
      ['shortlisted', 3],
      ['applied', 2],
      ['admitted', 2],
      ['enrolled', 2],
    ]);
    expect(body.stages.map((s: { fromPrevious: number }) => s.fromPrevious)).toEqual([1, 0.7143, 0.8, 0.75, 0.6667, 1, 1]);
    expect(body.stages.map((s: { fromStart: number }) => s.fromStart)).toEqual([1, 0.7143, 0.5714, 0.4286, 0.2857, 0.2857, 0.2857]);
    expect(body.lost).toBe(1);
  });

  it("takes the lead list's filters: advisor, source, campaign, level", async () => {
    const byAdvisor = (await request(t.http).get(`/api/reports/funnel?${april}&advisorId=${b.id}`).set(manager.auth).expect(200)).body;
    expect(byAdvisor.stages.map((s: { reached: number }) => s.reached)).toEqual([3, 2, 2, 1, 1, 1, 1]);
    const byCampaign = (await request(t.http).get(`/api/reports/funnel?${april}&campaign=spring-mba`).set(manager.auth).expect(200)).body;
    expect(byCampaign.stages[0].reached).toBe(3);
    const bySource = (await request(t.http).get(`/api/reports/funnel?${april}&source=referral&level=UG`).set(manager.auth).expect(200)).body;
    expect(bySource.stages.map((s: { reached: number }) => s.reached)).toEqual([1, 1, 1, 1, 1, 1, 1]);
    const empty = (await request(t.http).get('/api/reports/funnel?from=2025-01-01&to=2025-01-31').set(manager.auth).expect(200)).body;
    expect(empty.stages[1]).toEqual({ stage: 'contacted', reached: 0, fromPrevious: null, fromStart: null });
  });

  it('weeks start on Monday in Asia/Kolkata, so 00:30 IST on a Monday is in that week', async () => {
    const { body } = await request(t.http).get(`/api/reports/conversion?groupBy=week&${april}`).set(manager.auth).expect(200);
    expect(body.rows.map((r: { key: string; leads: number; enrolled: number }) => [r.key, r.leads, r.enrolled])).toEqual([
      ['2026-03-30', 1, 0],
      ['2026-04-06', 5, 1],
      ['2026-04-13', 1, 1],
    ]);
    expect(body.rows[1].label).toBe('Week of 6 Apr 2026');
  });

  it('conversion by advisor: leads, enrolled, rate and median days to first contact and to enrolment', async () => {
    const { body } = await request(t.http).get(`/api/reports/conversion?groupBy=advisor&${april}`).set(manager.auth).expect(200);
    // A small period's medians are exact, read from the leads.
    expect(body.mediansApproximate).toBe(false);
    const rows = Object.fromEntries(body.rows.map((r: { label: string }) => [r.label, r]));
    expect(rows['Advisor A']).toEqual({
      key: a.id,
      label: 'Advisor A',
      leads: 4,
      enrolled: 1,
      conversionRate: 0.25,
      medianDaysToFirstContact: 1,
      medianDaysToEnrolment: 30,
    });
    expect(rows['Advisor B']).toEqual({
      key: b.id,
      label: 'Advisor B',
      leads: 3,
      enrolled: 1,
      conversionRate: 0.3333,
      medianDaysToFirstContact: 1.8,
      medianDaysToEnrolment: 10,
    });
  });

  it('conversion by source and campaign, with readable labels', async () => {
    const sources = (await request(t.http).get(`/api/reports/conversion?groupBy=source&${april}`).set(manager.auth).expect(200)).body.rows;
    expect(sources.map((r: { label: string; leads: number }) => [r.label, r.leads])).toEqual([
      ['Website form', 4],
      ['Referral', 2],
      ['Walk-in', 1],
    ]);
    const campaigns = (await request(t.http).get(`/api/reports/conversion?groupBy=utmCampaign&${april}`).set(manager.auth).expect(200)).body.rows;
    expect(campaigns.map((r: { key: string; leads: number; enrolled: number }) => [r.key, r.leads, r.enrolled])).toEqual([
      ['spring-mba', 3, 0],
      ['none', 3, 1],
      ['diwali-pg', 1, 1],
    ]);
  });

  it('an advisor sees only their own figures; marketing only source and campaign figures', async () => {
    const own = (await request(t.http).get(`/api/reports/funnel?${april}`).set(a.auth).expect(200)).body;
    expect(own.stages[0].reached).toBe(4);
    const ownAdvisors = (await request(t.http).get(`/api/reports/conversion?groupBy=advisor&${april}`).set(a.auth).expect(200)).body.rows;
    expect(ownAdvisors.map((r: { key: string }) => r.key)).toEqual([a.id]);
    const productivity = (await request(t.http).get(`/api/reports/productivity?${april}`).set(a.auth).expect(200)).body;
    expect(productivity).toHaveLength(1);
    expect(productivity[0]).toMatchObject({ advisorId: a.id, assigned: 4, contactedWithin24h: 2, enrolled: 1, conversionRate: 0.25 });
    await request(t.http).get(`/api/reports/conversion?groupBy=advisor&${april}`).set(marketing.auth).expect(400);
    await request(t.http).get(`/api/reports/funnel?${april}&advisorId=${a.id}`).set(marketing.auth).expect(400);
    await request(t.http).get(`/api/reports/productivity?${april}`).set(marketing.auth).expect(403);
    const campaigns = (await request(t.http).get(`/api/reports/conversion?groupBy=utmCampaign&${april}`).set(marketing.auth).expect(200)).body.rows;
    expect(campaigns).toHaveLength(3);
  });

  it('marketing cannot ask a report whether one person is a lead: person filters are a 400 naming them', async () => {
    // The phone of a lead that exists, and the filters that would single out a person.
    const {
      phone,
      full_name: fullName,
      id,
    } = await queryOne<{ phone: string; full_name: string; id: string }>(
      t.dataSource,
      `SELECT phone, full_name, id FROM leads ORDER BY created_at LIMIT 1`,
    );
    const personal: [string, string][] = [
      ['phone', phone],
      ['q', phone.slice(3)],
      ['fullName', fullName],
      ['fullName_like', fullName],
      ['email', 'someone@example.in'],
      ['id', id],
      ['status', 'enrolled'],
      ['createdAt_gte', '2026-04-01T10:00:00Z'],
      ['consentMarketing', 'false'],
    ];
    for (const [key, value] of personal) {
      for (const path of ['funnel', 'conversion?groupBy=utmCampaign']) {
        const response = await request(t.http)
          .get(`/api/reports/${path}${path.includes('?') ? '&' : '?'}${april}&${key}=${encodeURIComponent(value)}`)
          .set(marketing.auth);
        expect({ key, path, status: response.status }).toEqual({ key, path, status: 400 });
        expect(response.body.fields).toEqual([expect.objectContaining({ field: key })]);
      }
    }
    // Managers keep every filter: the same phone finds its lead.
    const managerView = (
      await request(t.http)
        .get(`/api/reports/funnel?phone=${encodeURIComponent(phone)}`)
        .set(manager.auth)
        .expect(200)
    ).body;
    expect(managerView.stages[0].reached).toBe(1);
    // Marketing's segments still work.
    await request(t.http)
      .get(`/api/reports/funnel?${april}&source=website&campaign=spring-mba&level=PG&utmSource=google`)
      .set(marketing.auth)
      .expect(200);
  });

  it('bad report parameters answer 400 naming them', async () => {
    for (const [query, field] of [
      ['groupBy=colour', 'groupBy'],
      ['groupBy=week&from=April', 'from'],
      ['to=2026-13-45', 'createdAt_lte'],
      ['status=won', 'status'],
    ]) {
      const path = query.startsWith('groupBy') ? 'conversion' : 'funnel';
      const response = await request(t.http).get(`/api/reports/${path}?${query}`).set(manager.auth);
      expect({ query, status: response.status, field: response.body.fields?.[0]?.field }).toEqual({ query, status: 400, field });
    }
  });
});

describe('the day counts behind the funnel', () => {
  let t: TestApp;
  afterAll(() => t.close());

  it('agree with counting the leads after inserts, pipeline moves, reassignment, erasure and deletion', async () => {
    t = await createTestApp([ReportsModule]);
    const manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    const a = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Advisor A');
    const b = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Advisor B');
    const statuses = ['new', 'contacted', 'counselled', 'shortlisted', 'applied', 'admitted', 'enrolled'];
    // 90 leads an hour apart from 17:00 UTC on 1 April (22:30 IST), so they straddle IST midnights.
    await t.dataSource.query(
      `INSERT INTO leads (reference, full_name, phone, status, max_stage, advisor_id, source, utm_campaign, level, created_at)
       SELECT 'AD-DC' || lpad(i::text, 4, '0'), 'Lead ' || i, '+9197000' || lpad(i::text, 5, '0'), ($3::text[])[i % 7 + 1], i % 7,
              CASE i % 3 WHEN 0 THEN $1::uuid WHEN 1 THEN $2::uuid END, (ARRAY['website', 'referral', 'walk_in'])[i % 3 + 1],
              CASE WHEN i % 2 = 0 THEN 'spring-mba' END, (ARRAY['PG', 'UG', 'diploma'])[i % 3 + 1], timestamptz '2026-04-01T17:00:00Z' + i * interval '1 hour'
         FROM generate_series(1, 90) i`,
      [a.id, b.id, statuses],
    );
    // One statement moving many leads, a move to lost, a reassignment, an edit that changes nothing counted, an erasure, deletions.
    await t.dataSource.query(
      `UPDATE leads SET status = 'counselled', max_stage = greatest(max_stage, 2) WHERE status IN ('new', 'contacted') AND reference LIKE 'AD-DC%'`,
    );
    await t.dataSource.query(`UPDATE leads SET status = 'lost', lost_reason = 'budget' WHERE reference IN ('AD-DC0010', 'AD-DC0020', 'AD-DC0030')`);
    await t.dataSource.query(`UPDATE leads SET advisor_id = $1 WHERE advisor_id = $2 AND reference < 'AD-DC0040'`, [b.id, a.id]);
    await t.dataSource.query(`UPDATE leads SET full_name = 'Renamed' WHERE reference LIKE 'AD-DC00%'`);
    await t.dataSource.query(`UPDATE leads SET full_name = 'Erased', phone = NULL, erased_at = now() WHERE reference = 'AD-DC0050'`);
    await t.dataSource.query(`DELETE FROM leads WHERE reference IN ('AD-DC0060', 'AD-DC0061')`);

    const funnel = async (query: string) => (await request(t.http).get(`/api/reports/funnel?${query}`).set(manager.auth).expect(200)).body;
    for (const query of [
      '',
      `advisorId=${a.id}`,
      `advisorId=${b.id}`,
      'source=referral',
      'campaign=spring-mba',
      'level=UG',
      'from=2026-04-02&to=2026-04-03',
      `from=2026-04-03&advisorId=${b.id}`,
    ]) {
      // A filter the day counts do not take sends the same question to the leads themselves.
      const counted = await funnel(`${query}&updatedAt_gte=2000-01-01`);
      expect({ query, ...(await funnel(query)) }).toEqual({ query, ...counted });
    }
    expect((await funnel('')).stages[0].reached).toBe(88);
    expect((await funnel('from=2026-04-02&to=2026-04-02')).stages[0].reached).toBe(24);
  });
});
