import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '../src';
import { inquiry, leadByPhone, submitInquiry } from './support';

describe("the lead's vocabulary: states and courses", () => {
  let t: TestApp;
  let admin: SignedIn;
  let manager: SignedIn;
  let priya: SignedIn;

  beforeAll(async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '10000' });
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Manager');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
  });
  afterAll(() => t.close());

  async function submitted(overrides: Record<string, unknown>) {
    const body = inquiry(overrides);
    await submitInquiry(t, body).then((r) => expect(r.status).toBe(201));
    return leadByPhone(t, `+91${String(body.phone)}`);
  }

  it('the intake writes a typed state by its current name ("uttar pradesh", "UP", "Orissa") and keeps text it does not know', async () => {
    expect((await submitted({ state: 'uttar pradesh' })).state).toBe('Uttar Pradesh');
    expect((await submitted({ state: 'UP' })).state).toBe('Uttar Pradesh');
    expect((await submitted({ state: ' orissa ' })).state).toBe('Odisha');
    expect((await submitted({ state: 'Delhi NCR' })).state).toBe('Delhi');
    const dubai = await submitted({ state: 'Dubai' });
    expect(dubai.state).toBe('Dubai');
    // What the person typed stays in the inquiry as received.
    const [{ payload }] = await queryRows<{ payload: { state: string } }>(t.dataSource, `SELECT payload FROM inquiries WHERE lead_id = $1`, [
      (await submitted({ state: 'up' })).id,
    ]);
    expect(payload.state).toBe('up');
  });

  it("the intake writes a typed course as the form's course, with its level and mode when the form sent none; an unknown course is kept", async () => {
    const lead = await submitted({ courseInterest: 'online   mba', level: undefined, mode: undefined });
    expect(lead).toMatchObject({ course_interest: 'Online MBA', level: 'PG', mode: 'online' });
    const chosen = await submitted({ courseInterest: 'ONLINE MBA', level: 'UG', mode: 'distance' });
    expect(chosen).toMatchObject({ course_interest: 'Online MBA', level: 'UG', mode: 'distance' });
    const odd = await submitted({ courseInterest: 'Pilot training', level: undefined, mode: undefined });
    expect(odd).toMatchObject({ course_interest: 'Pilot training', level: null, mode: null });
  });

  it('the website form offers courses with their level and mode (the stored names were migrated)', async () => {
    const { body } = await request(t.http).get('/api/public/form-config').expect(200);
    expect(body.courses).toContain('Online MBA');
    expect(body.courseDetails).toContainEqual({ name: 'Online MBA', level: 'PG', mode: 'online' });
    expect(body.courseDetails).toContainEqual({ name: 'Online BCA', level: 'UG', mode: 'online' });
    expect(body.courseDetails).toContainEqual({ name: 'PG Diploma in Management', level: 'diploma', mode: null });
    const settings = (await request(t.http).get('/api/settings/website-form').set(admin.auth).expect(200)).body;
    expect(settings.courses[0]).toEqual({ name: 'Online MBA', level: 'PG', mode: 'online' });
  });

  it('a lead edit writes the state by its current name too', async () => {
    const lead = await submitted({});
    const { body } = await request(t.http).get(`/api/leads/${lead.id}`).set(manager.auth).expect(200);
    const edited = await request(t.http)
      .patch(`/api/leads/${lead.id}`)
      .set(manager.auth)
      .send({ state: 'pondicherry', version: body.version })
      .expect(200);
    expect(edited.body.state).toBe('Puducherry');
  });

  it('a stale edit is a 409 that names who changed the lead last, and when', async () => {
    const lead = await submitted({});
    await request(t.http).post(`/api/leads/${lead.id}/assign`).set(manager.auth).send({ advisorId: priya.id }).expect(200);
    const read = (await request(t.http).get(`/api/leads/${lead.id}`).set(priya.auth).expect(200)).body;
    // The manager changes it after Priya read it.
    await request(t.http).patch(`/api/leads/${lead.id}`).set(manager.auth).send({ city: 'Nashik', version: read.version }).expect(200);
    const stale = await request(t.http).patch(`/api/leads/${lead.id}`).set(priya.auth).send({ city: 'Nagpur', version: read.version }).expect(409);
    const { updatedAt } = await queryOne<{ updatedAt: Date }>(t.dataSource, `SELECT updated_at AS "updatedAt" FROM leads WHERE id = $1`, [lead.id]);
    expect(stale.body).toMatchObject({
      code: 'leads.staleVersion',
      updatedBy: { id: manager.id, name: 'Meera Manager' },
      updatedAt: updatedAt.toISOString(),
    });
    expect(stale.body.message).toMatch(
      /^This lead changed in another window or by Meera Manager at \d{1,2} [A-Z][a-z]{2} \d{4}, \d{1,2}:\d{2} [ap]m: reload it$/,
    );
    // Priya's own change in another window: the status move on the old version says it was her.
    const fresh = (await request(t.http).get(`/api/leads/${lead.id}`).set(priya.auth).expect(200)).body;
    await request(t.http).post(`/api/leads/${lead.id}/status`).set(priya.auth).send({ status: 'contacted', version: fresh.version }).expect(200);
    const own = await request(t.http)
      .post(`/api/leads/${lead.id}/status`)
      .set(priya.auth)
      .send({ status: 'counselled', version: fresh.version })
      .expect(409);
    expect(own.body.updatedBy).toEqual({ id: priya.id, name: 'Priya Sharma' });
    expect(own.body.message).toMatch(/^You changed this lead in another window at .+: reload it$/);
  });
});
