import request from 'supertest';
import { queryOne } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '@advisordesk/api-leads';
import { ReportsModule } from '../src';

const STAGES: Record<string, number> = { planned: 0, documents: 1, submitted: 2, offer: 3, enrolled: 4 };

describe('the applications report', () => {
  let t: TestApp;
  let manager: SignedIn;
  let a: SignedIn;
  let b: SignedIn;
  let marketing: SignedIn;
  const universities: Record<string, string> = {};
  const programs: Record<string, string> = {};
  const leads: Record<string, string> = {};

  async function insertLead(key: string, advisor: SignedIn | null, status: string) {
    const n = Object.keys(leads).length + 1;
    leads[key] = (
      await queryOne<{ id: string }>(
        t.dataSource,
        `INSERT INTO leads (reference, full_name, phone, status, advisor_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [`AD-APPR000${n}`, `Student ${key}`, `+91981000000${n}`, status, advisor?.id ?? null],
      )
    ).id;
  }

  /** An application made at `created` (UTC) that is now `status` and got as far as `furthest`. */
  async function application(lead: string, program: string, created: string, status: string, furthest = status) {
    await t.dataSource.query(
      `INSERT INTO applications (lead_id, program_id, session, status, max_stage, created_at) VALUES ($1, $2, '2026-27', $3, $4, $5)`,
      [leads[lead], programs[program], status, STAGES[furthest], new Date(created)],
    );
  }

  beforeAll(async () => {
    t = await createTestApp([LeadsModule, ReportsModule]);
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    a = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Advisor A');
    b = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Advisor B');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing');
    for (const name of ['Amity University Online', 'Manipal University Jaipur'])
      universities[name] = (await queryOne<{ id: string }>(t.dataSource, `INSERT INTO universities (name) VALUES ($1) RETURNING id`, [name])).id;
    for (const [key, name, university] of [
      ['mbaAmity', 'Online MBA', 'Amity University Online'],
      ['mbaManipal', 'Online MBA', 'Manipal University Jaipur'],
      ['mcaManipal', 'Online MCA', 'Manipal University Jaipur'],
    ])
      programs[key] = (
        await queryOne<{ id: string }>(t.dataSource, `INSERT INTO programs (university_id, name, level) VALUES ($1, $2, 'PG') RETURNING id`, [
          universities[university],
          name,
        ])
      ).id;
    await insertLead('ravi', a, 'applied');
    await insertLead('sana', a, 'enrolled');
    await insertLead('arjun', b, 'applied');
    await insertLead('erased', b, 'enrolled');
    await insertLead('nobody', null, 'counselled');
    // Times are UTC; the comments give Asia/Kolkata (UTC+05:30).
    await application('ravi', 'mbaAmity', '2026-03-31T18:30:00Z', 'submitted'); // 1 Apr 00:00: in April
    await application('ravi', 'mbaManipal', '2026-04-10T06:00:00Z', 'rejected', 'submitted'); // rejected after it was submitted
    await application('sana', 'mbaAmity', '2026-04-11T06:00:00Z', 'offer');
    await application('sana', 'mcaManipal', '2026-04-12T06:00:00Z', 'enrolled');
    await application('arjun', 'mbaManipal', '2026-04-13T06:00:00Z', 'planned');
    await application('arjun', 'mcaManipal', '2026-04-14T06:00:00Z', 'withdrawn', 'documents');
    await application('erased', 'mbaAmity', '2026-04-15T06:00:00Z', 'enrolled');
    await application('nobody', 'mcaManipal', '2026-04-16T06:00:00Z', 'documents');
    await application('sana', 'mbaManipal', '2026-04-30T18:29:59Z', 'submitted'); // 30 Apr 23:59:59: in April
    await application('ravi', 'mcaManipal', '2026-03-31T18:29:59Z', 'offer'); // 31 Mar 23:59:59: not in April
    await application('arjun', 'mbaAmity', '2026-04-30T18:30:00Z', 'submitted'); // 1 May 00:00: not in April
    // This student asked for their data to be erased.
    await request(t.http).post(`/api/leads/${leads.erased}/erase`).set(manager.auth).expect(200);
  });
  afterAll(() => t.close());

  const april = 'from=2026-04-01&to=2026-04-30';
  const figures = (rows: { label: string; applications: number; submitted: number; offers: number; enrolled: number; offerRate: number | null }[]) =>
    rows.map((r) => [r.label, r.applications, r.submitted, r.offers, r.enrolled, r.offerRate]);

  it('by university: applications made in the period, submitted or later, offers or later, enrolled and the offer rate', async () => {
    const { body } = await request(t.http).get(`/api/reports/applications?${april}&groupBy=university`).set(manager.auth).expect(200);
    expect(body.groupBy).toBe('university');
    expect(figures(body.rows)).toEqual([
      ['Manipal University Jaipur', 6, 3, 1, 1, 0.3333],
      ['Amity University Online', 3, 3, 2, 1, 0.6667],
    ]);
    expect(body.rows.map((r: { key: string }) => r.key)).toEqual([
      universities['Manipal University Jaipur'],
      universities['Amity University Online'],
    ]);
  });

  it("by program, named with its university, since a program's name repeats across universities", async () => {
    const { body } = await request(t.http).get(`/api/reports/applications?${april}&groupBy=program`).set(manager.auth).expect(200);
    expect(figures(body.rows)).toEqual([
      ['Online MBA, Amity University Online', 3, 3, 2, 1, 0.6667],
      ['Online MBA, Manipal University Jaipur', 3, 2, 0, 0, 0],
      ['Online MCA, Manipal University Jaipur', 3, 1, 1, 1, 1],
    ]);
    expect(body.rows.map((r: { key: string }) => r.key)).toEqual([programs.mbaAmity, programs.mbaManipal, programs.mcaManipal]);
  });

  it("by advisor: an erased lead's applications still count, an unassigned lead's are their own group with no offer rate", async () => {
    const { body } = await request(t.http).get(`/api/reports/applications?${april}&groupBy=advisor`).set(manager.auth).expect(200);
    expect(figures(body.rows)).toEqual([
      ['Advisor A', 5, 5, 2, 1, 0.4],
      ['Advisor B', 3, 1, 1, 1, 1],
      ['Unassigned', 1, 0, 0, 0, null],
    ]);
    expect(body.rows.map((r: { key: string }) => r.key)).toEqual([a.id, b.id, 'none']);
  });

  it('the period is whole days in Asia/Kolkata: midnight IST opens a day and 23:59:59 IST still belongs to it', async () => {
    const total = async (query: string) => {
      const { body } = await request(t.http).get(`/api/reports/applications?${query}`).set(manager.auth).expect(200);
      return body.rows.reduce((sum: number, r: { applications: number }) => sum + r.applications, 0);
    };
    expect(await total('from=2026-04-01&to=2026-04-01')).toBe(1);
    expect(await total('to=2026-03-31')).toBe(1);
    expect(await total('from=2026-04-30&to=2026-04-30')).toBe(1);
    expect(await total('from=2026-05-01')).toBe(1);
    expect(await total(april)).toBe(9);
    expect(await total('')).toBe(11);
  });

  it("an advisor sees only their own leads' applications", async () => {
    const byUniversity = (await request(t.http).get(`/api/reports/applications?${april}&groupBy=university`).set(a.auth).expect(200)).body;
    expect(figures(byUniversity.rows)).toEqual([
      ['Manipal University Jaipur', 3, 3, 1, 1, 0.3333],
      ['Amity University Online', 2, 2, 1, 0, 0.5],
    ]);
    const byAdvisor = (await request(t.http).get(`/api/reports/applications?${april}&groupBy=advisor`).set(b.auth).expect(200)).body;
    expect(figures(byAdvisor.rows)).toEqual([['Advisor B', 3, 1, 1, 1, 1]]);
  });

  it('marketing is refused: applications are not theirs to see', async () => {
    const response = await request(t.http).get(`/api/reports/applications?${april}&groupBy=university`).set(marketing.auth).expect(403);
    expect(JSON.stringify(response.body)).not.toMatch(/Manipal|Amity/);
  });

  it('bad parameters answer 400 naming them', async () => {
    for (const [query, field] of [
      ['groupBy=colour', 'groupBy'],
      ['groupBy=university&from=April', 'from'],
      ['to=2026-13-45', 'createdAt_lte'],
      ['status=offer', 'status'],
    ]) {
      const response = await request(t.http).get(`/api/reports/applications?${query}`).set(manager.auth);
      expect({ query, status: response.status, field: response.body.fields?.[0]?.field }).toEqual({ query, status: 400, field });
    }
  });
});
