import request from 'supertest';
import { queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '@advisordesk/api-leads';
import { BREACH_MAX_LEAD_IDS, type BreachDetail, type BreachView } from '@advisordesk/shared';
import { BreachesModule } from '../src/breaches';

describe('the breach register', () => {
  let t: TestApp;
  let admin: SignedIn;
  let manager: SignedIn;
  let counter = 0;

  /** Leads as the database holds them, created at the given times. */
  const leads = async (names: string[], createdAt = new Date()): Promise<string[]> => {
    const rows = await queryRows<{ id: string }>(
      t.dataSource,
      `INSERT INTO leads (reference, full_name, phone, email, created_at)
       SELECT 'BR-' || n.i, n.name, '+9190000' || lpad(n.i::text, 5, '0'), lower(split_part(n.name, ' ', 1)) || '@example.in', $3
         FROM unnest($1::text[], $2::int[]) AS n (name, i)
       RETURNING id`,
      [names, names.map(() => ++counter), createdAt],
    );
    return rows.map((row) => row.id);
  };
  const body = (overrides: Record<string, unknown> = {}) => ({
    discoveredAt: '2026-11-30T09:30:00+05:30',
    description: 'A counsellor’s laptop with an unencrypted export of leads was stolen from a cab in Pune.',
    dataConcerned: 'Names, mobile numbers, email addresses and courses of interest',
    measures: 'The export link was revoked and every counsellor’s password was reset.',
    ...overrides,
  });
  const record = (who: SignedIn, payload: Record<string, unknown>) => request(t.http).post('/api/breaches').set(who.auth).send(payload);
  const patch = (id: string, payload: Record<string, unknown>) => request(t.http).patch(`/api/breaches/${id}`).set(admin.auth).send(payload);

  beforeAll(async () => {
    t = await createTestApp([LeadsModule, BreachesModule]);
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin', 'Anita Admin');
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
  });
  afterAll(() => t.close());

  it('an admin records a breach: the named leads once each and the period’s leads, never an erased one; the report is due 72 hours on', async () => {
    const [ananya, rohit, erased] = await leads(['Ananya Gupta', 'Rohit Sharma', 'Kavya Nair']);
    const [old] = await leads(['Imran Khan'], new Date('2026-10-05T10:00:00+05:30'));
    await leads(['Outside Period'], new Date('2026-10-08T00:00:00+05:30'));
    await request(t.http).post(`/api/leads/${erased}/erase`).set(admin.auth).expect(200);

    const created = await record(
      admin,
      body({ leadIds: [ananya, rohit, ananya.toUpperCase(), erased], createdFrom: '2026-10-01', createdTo: '2026-10-07' }),
    );
    expect(created.status).toBe(201);
    const breach = created.body as BreachDetail;
    expect(breach).toMatchObject({
      discoveredAt: '2026-11-30T04:00:00.000Z',
      reportDueAt: '2026-12-03T04:00:00.000Z',
      status: 'open',
      affectedCount: 3,
      reportedAt: null,
      createdByName: 'Anita Admin',
      version: 1,
    });
    expect(breach.affected.map((a) => a.leadId).sort()).toEqual([ananya, rohit, old].sort());
    expect(breach.affected.find((a) => a.leadId === ananya)).toEqual({
      leadId: ananya,
      fullName: 'Ananya Gupta',
      phone: expect.any(String),
      email: 'ananya@example.in',
    });

    // The drafts: rule 7(1)'s notice with {name}, rule 7(2)'s outline, with the count and times in IST.
    expect(breach.personNotice).toMatch(/^Dear \{name\},/);
    for (const part of [
      'What happened: A counsellor’s laptop',
      '30 Nov 2026, 9:30 am IST',
      '3 people',
      'Names, mobile numbers',
      'What you can do',
      'password was reset',
      'Whom to ask',
    ])
      expect(breach.personNotice).toContain(part);
    for (const part of [
      'Data Protection Board',
      'Report due by 3 Dec 2026, 9:30 am IST',
      'People affected: 3',
      'Findings about the person who caused the breach',
      'Remedial measures',
      'intimations',
    ])
      expect(breach.boardReport).toContain(part);

    const again = await request(t.http).get(`/api/breaches/${breach.id}`).set(admin.auth).expect(200);
    expect(again.body).toEqual(breach);
  });

  it('only admins see or keep the register: everyone else gets 403', async () => {
    const breach = (await record(admin, body({ createdFrom: '2026-01-01', createdTo: '2026-01-31' })).expect(201)).body as BreachDetail;
    for (const role of ['manager', 'advisor', 'marketing'] as const) {
      const who = role === 'manager' ? manager : await createUserAndSignIn(t.http, t.dataSource, role);
      await request(t.http).get('/api/breaches').set(who.auth).expect(403);
      await request(t.http).get(`/api/breaches/${breach.id}`).set(who.auth).expect(403);
      await record(who, body({ createdFrom: '2026-01-01', createdTo: '2026-01-31' })).expect(403);
      await request(t.http).patch(`/api/breaches/${breach.id}`).set(who.auth).send({ status: 'reported', version: 1 }).expect(403);
    }
    await request(t.http).get('/api/breaches').expect(401);
  });

  it('the list is simple-rest: newest discovery first, filtered by status, with the total', async () => {
    const first = (
      await record(admin, body({ discoveredAt: '2026-11-01T10:00:00+05:30', createdFrom: '2026-02-01', createdTo: '2026-02-02' })).expect(201)
    ).body as BreachDetail;
    await patch(first.id, { status: 'reported', version: 1 }).expect(200);
    const page = await request(t.http).get('/api/breaches?_start=0&_end=100').set(admin.auth).expect(200);
    const rows = page.body as BreachView[];
    expect(Number(page.headers['x-total-count'])).toBe(rows.length);
    expect(rows.map((r) => r.discoveredAt)).toEqual([...rows.map((r) => r.discoveredAt)].sort().reverse());
    expect(rows[0]).not.toHaveProperty('affected');
    const reported = (await request(t.http).get('/api/breaches?status=reported').set(admin.auth).expect(200)).body as BreachView[];
    expect(reported.map((r) => r.id)).toEqual([first.id]);
    await request(t.http).get('/api/breaches?_sort=description').set(admin.auth).expect(400);
    await request(t.http).get('/api/breaches?status=lost').set(admin.auth).expect(400);
    await request(t.http).get('/api/breaches/not-a-uuid').set(admin.auth).expect(404);
    await request(t.http).get('/api/breaches/00000000-0000-4000-8000-000000000000').set(admin.auth).expect(404);
  });

  it('the status moves open → reported (stamped) → closed; a stale version is a 409 holding the breach as it is', async () => {
    const breach = (await record(admin, body({ createdFrom: '2026-03-01', createdTo: '2026-03-01' })).expect(201)).body as BreachDetail;
    expect((await patch(breach.id, { status: 'closed', version: 1 }).expect(400)).body.fields).toEqual([
      { field: 'status', message: 'status: a breach that is open moves to reported' },
    ]);
    const reported = (await patch(breach.id, { status: 'reported', version: 1 }).expect(200)).body as BreachDetail;
    expect(reported).toMatchObject({ status: 'reported', version: 2, reportedAt: expect.any(String) });
    expect(Math.abs(Date.parse(reported.reportedAt as string) - Date.now())).toBeLessThan(60_000);

    const stale = await patch(breach.id, { measures: 'Laptops are now encrypted.', version: 1 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'breaches.staleVersion', current: { id: breach.id, status: 'reported', version: 2 } });

    const measured = (await patch(breach.id, { measures: '  Laptops are now encrypted. ', version: 2 }).expect(200)).body as BreachDetail;
    expect(measured).toMatchObject({ measures: 'Laptops are now encrypted.', version: 3, reportedAt: reported.reportedAt });
    expect(measured.personNotice).toContain('Laptops are now encrypted.');
    await patch(breach.id, { version: 3 }).expect(400);
    const closed = (await patch(breach.id, { status: 'closed', version: 3 }).expect(200)).body as BreachDetail;
    expect(closed).toMatchObject({ status: 'closed', version: 4 });
    await patch(breach.id, { status: 'open', version: 4 }).expect(400);
    await patch('00000000-0000-4000-8000-000000000000', { status: 'reported', version: 1 }).expect(404);
  });

  it('a breach names its affected people, by id or by period: nothing, unknown ids, half a period or a backwards one are refused by field', async () => {
    const refused: [Record<string, unknown>, string][] = [
      [body(), 'leadIds'],
      [body({ leadIds: [] }), 'leadIds'],
      [body({ leadIds: ['00000000-0000-4000-8000-000000000000'] }), 'leadIds'],
      [body({ leadIds: ['12345'] }), 'leadIds'],
      [body({ leadIds: Array.from({ length: BREACH_MAX_LEAD_IDS + 1 }, () => '00000000-0000-4000-8000-000000000000') }), 'leadIds'],
      [body({ createdFrom: '2026-03-01' }), 'createdTo'],
      [body({ createdTo: '2026-03-01' }), 'createdFrom'],
      [body({ createdFrom: '2026-03-09', createdTo: '2026-03-01' }), 'createdTo'],
      [body({ createdFrom: '2026-02-30', createdTo: '2026-03-01' }), 'createdFrom'],
      [body({ createdFrom: '1 March 2026', createdTo: '2026-03-01' }), 'createdFrom'],
      [body({ discoveredAt: new Date(Date.now() + 3_600_000).toISOString(), createdFrom: '2026-03-01', createdTo: '2026-03-01' }), 'discoveredAt'],
      [body({ discoveredAt: 'yesterday', createdFrom: '2026-03-01', createdTo: '2026-03-01' }), 'discoveredAt'],
      [body({ discoveredAt: '2026-02-30T10:00:00Z', createdFrom: '2026-03-01', createdTo: '2026-03-01' }), 'discoveredAt'],
      [body({ description: '   ', createdFrom: '2026-03-01', createdTo: '2026-03-01' }), 'description'],
      [body({ dataConcerned: 'x'.repeat(2001), createdFrom: '2026-03-01', createdTo: '2026-03-01' }), 'dataConcerned'],
      [body({ createdFrom: '2026-03-01', createdTo: '2026-03-01', status: 'closed', createdBy: manager.id }), 'status'],
    ];
    for (const [payload, field] of refused) {
      const response = await record(admin, payload);
      expect([field, response.status, (response.body.fields as { field: string }[] | undefined)?.map((f) => f.field)]).toEqual([
        field,
        400,
        expect.arrayContaining([field]),
      ]);
    }
    const unknown = await record(admin, body({ createdFrom: '2026-03-01', createdTo: '2026-03-01', colour: 'red' })).expect(400);
    expect(unknown.body.fields.map((f: { field: string }) => f.field)).toContain('colour');
  });

  it('hostile input in every field is a 400 naming it, never a 500', async () => {
    const [lead] = await leads(['Hostile Test']);
    const valid = body({ leadIds: [lead] });
    const fields = ['discoveredAt', 'description', 'dataConcerned', 'measures', 'createdFrom', 'createdTo'];
    const values = [null, 'bad\u0000text', 'half \ud800 pair', 42, { a: 1 }, ['x']];
    for (const field of fields) {
      for (const value of values) {
        const response = await record(admin, { ...valid, [field]: value });
        expect([field, value, response.status, response.body.fields?.[0]?.field]).toEqual([field, value, 400, field]);
      }
    }
    for (const value of [null, 'not a list', [null], ['\u0000'], ['\ud800'], [{ id: lead }]]) {
      const response = await record(admin, { ...valid, leadIds: value });
      expect([value, response.status, response.body.fields?.[0]?.field]).toEqual([value, 400, expect.stringMatching(/^leadIds/)]);
    }
    for (const key of ['constructor', '__proto__', 'prototype']) {
      const response = await request(t.http)
        .post('/api/breaches')
        .set(admin.auth)
        .set('Content-Type', 'application/json')
        .send(
          `{"discoveredAt":"2026-11-30T09:30:00+05:30","description":"d","dataConcerned":"c","measures":"","leadIds":["${lead}"],"${key}":{"x":1}}`,
        );
      expect([key, response.status]).toEqual([key, 400]);
    }
    const breach = (await record(admin, valid).expect(201)).body as BreachDetail;
    for (const payload of [
      { measures: null, version: 1 },
      { measures: 'a\u0000b', version: 1 },
      { measures: '\udc00', version: 1 },
      { status: 'lost', version: 1 },
      { status: null, version: 1 },
      { status: 'reported' },
      { status: 'reported', version: '1' },
      { status: 'reported', version: 1, id: lead },
    ]) {
      const response = await patch(breach.id, payload);
      expect([payload, response.status]).toEqual([payload, 400]);
    }
  });

  it('a breach’s page lists the first 500 affected people; the count is all of them', async () => {
    const day = new Date('2025-06-15T12:00:00+05:30');
    await leads(
      Array.from({ length: 620 }, (_, i) => `Person ${String(i).padStart(3, '0')}`),
      day,
    );
    const breach = (await record(admin, body({ createdFrom: '2025-06-15', createdTo: '2025-06-15' })).expect(201)).body as BreachDetail;
    expect(breach.affectedCount).toBe(620);
    expect(breach.affected).toHaveLength(500);
    expect(breach.personNotice).toContain('620 people');
  });
});
