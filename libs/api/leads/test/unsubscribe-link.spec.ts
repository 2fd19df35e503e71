import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '../src';
import { inquiry, submitInquiry } from './support';

describe('the unsubscribe link', () => {
  let t: TestApp;
  let manager: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;

  beforeAll(async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '10000', PUBLIC_URL: 'https://desk.example.in' });
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Manager');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
  });
  afterAll(() => t.close());

  it("is on the lead's page for whoever may see the lead, to copy, and posting to it withdraws marketing consent", async () => {
    const body = inquiry({ fullName: 'Harini Subramanian', consent: { whatsapp: true, marketing: true } });
    await submitInquiry(t, body).then((r) => expect(r.status).toBe(201));
    const { id, token } = await queryOne<{ id: string; token: string }>(
      t.dataSource,
      `SELECT id, unsubscribe_token AS token FROM leads WHERE phone = $1`,
      [`+91${body.phone}`],
    );
    await request(t.http).post(`/api/leads/${id}/assign`).set(manager.auth).send({ advisorId: priya.id }).expect(200);

    const link = `https://desk.example.in/api/public/unsubscribe/${token}`;
    expect((await request(t.http).get(`/api/leads/${id}`).set(priya.auth).expect(200)).body.unsubscribeUrl).toBe(link);
    expect((await request(t.http).get(`/api/leads/${id}`).set(manager.auth).expect(200)).body.unsubscribeUrl).toBe(link);
    const elsewhere = await request(t.http).get(`/api/leads/${id}`).set(rahul.auth).expect(404);
    expect(JSON.stringify(elsewhere.body)).not.toContain(token);

    await request(t.http).post(new URL(link).pathname).type('form').send({}).expect(200);
    const after = (await request(t.http).get(`/api/leads/${id}`).set(priya.auth).expect(200)).body;
    expect(after).toMatchObject({ consentMarketing: false, consentWhatsapp: true });
  });

  it('is not in the lead list', async () => {
    const list = await request(t.http).get('/api/leads?_end=200').set(manager.auth).expect(200);
    expect(list.body.length).toBeGreaterThan(0);
    for (const lead of list.body) expect(lead).not.toHaveProperty('unsubscribeUrl');
    const tokens = await queryRows<{ token: string }>(t.dataSource, `SELECT unsubscribe_token AS token FROM leads`);
    for (const { token } of tokens) expect(JSON.stringify(list.body)).not.toContain(token);
  });
});
