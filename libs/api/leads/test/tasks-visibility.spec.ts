import request from 'supertest';
import { queryOne } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '../src';
import { inquiry, submitInquiry } from './support';

interface Task {
  id: string;
  leadId: string;
  leadName: string;
  done: boolean;
}

describe('who sees a follow-up', () => {
  let t: TestApp;
  let manager: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;

  async function leadFor(advisor: SignedIn, fullName: string): Promise<{ id: string; phone: string }> {
    const body = inquiry({ fullName });
    await submitInquiry(t, body).then((r) => expect(r.status).toBe(201));
    const { id, phone } = await queryOne<{ id: string; phone: string }>(t.dataSource, `SELECT id, phone FROM leads WHERE phone = $1`, [
      `+91${body.phone}`,
    ]);
    await request(t.http).post(`/api/leads/${id}/assign`).set(manager.auth).send({ advisorId: advisor.id }).expect(200);
    return { id, phone };
  }

  async function followUp(advisor: SignedIn, leadId: string, title: string, done = false): Promise<Task> {
    const created = await request(t.http)
      .post('/api/tasks')
      .set(advisor.auth)
      .send({ leadId, title, dueAt: new Date(Date.now() + 3600_000).toISOString() })
      .expect(201);
    if (!done) return created.body;
    return (await request(t.http).patch(`/api/tasks/${created.body.id}`).set(advisor.auth).send({ done: true }).expect(200)).body;
  }

  const ids = (response: request.Response) => (response.body as Task[]).map((task) => task.id);

  beforeAll(async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '10000' });
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Manager');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
  });
  afterAll(() => t.close());

  it('once a lead moves to another advisor, the previous advisor can no longer read or change its follow-ups, done or open', async () => {
    const lead = await leadFor(priya, 'Tanvi Deshpande');
    const done = await followUp(priya, lead.id, 'Sent the fee sheet', true);
    const open = await followUp(priya, lead.id, 'Call about the EMI');
    await request(t.http).post(`/api/leads/${lead.id}/assign`).set(manager.auth).send({ advisorId: rahul.id }).expect(200);

    const lists = await Promise.all(
      ['/api/tasks?done=true', '/api/tasks?done=false', '/api/tasks', `/api/tasks?leadId=${lead.id}`, '/api/tasks?q=Tanvi'].map((url) =>
        request(t.http).get(url).set(priya.auth).expect(200),
      ),
    );
    for (const list of lists) {
      expect(ids(list)).not.toContain(done.id);
      expect(ids(list)).not.toContain(open.id);
      expect(JSON.stringify(list.body)).not.toMatch(/Tanvi|Deshpande/);
      expect(JSON.stringify(list.body)).not.toContain(lead.phone);
    }
    for (const task of [done, open]) {
      const answers = await Promise.all([
        request(t.http).get(`/api/tasks/${task.id}`).set(priya.auth),
        request(t.http).patch(`/api/tasks/${task.id}`).set(priya.auth).send({ title: 'peek' }),
        request(t.http).delete(`/api/tasks/${task.id}`).set(priya.auth),
      ]);
      expect(answers.map((r) => r.status)).toEqual([404, 404, 404]);
      expect(JSON.stringify(answers.map((r) => r.body))).not.toMatch(/Tanvi|Deshpande/);
    }
    const kept = (await request(t.http).get(`/api/tasks/${done.id}`).set(manager.auth).expect(200)).body;
    expect(kept).toMatchObject({ title: 'Sent the fee sheet', done: true });
  });

  it("the lead's new advisor sees all its follow-ups, also those done before the move", async () => {
    const lead = await leadFor(priya, 'Farhan Qureshi');
    const done = await followUp(priya, lead.id, 'Shared the shortlist', true);
    const open = await followUp(priya, lead.id, 'Ask for the mark sheets');
    await request(t.http).post(`/api/leads/${lead.id}/assign`).set(manager.auth).send({ advisorId: rahul.id }).expect(200);

    const theirs = await request(t.http).get(`/api/tasks?leadId=${lead.id}`).set(rahul.auth).expect(200);
    expect(ids(theirs).sort()).toEqual([done.id, open.id].sort());
    expect(ids(await request(t.http).get('/api/tasks?done=true').set(rahul.auth).expect(200))).toContain(done.id);
    const read = (await request(t.http).get(`/api/tasks/${done.id}`).set(rahul.auth).expect(200)).body;
    expect(read).toMatchObject({ leadName: 'Farhan Qureshi', title: 'Shared the shortlist' });
    await request(t.http).patch(`/api/tasks/${open.id}`).set(rahul.auth).send({ done: true }).expect(200);
  });

  it('managers see every follow-up, whoever the lead belongs to', async () => {
    const priyas = await followUp(priya, (await leadFor(priya, 'Ira Menon')).id, 'Call back');
    const rahuls = await followUp(rahul, (await leadFor(rahul, 'Kabir Sethi')).id, 'Call back');
    const all = await request(t.http).get('/api/tasks?_end=200').set(manager.auth).expect(200);
    expect(ids(all)).toEqual(expect.arrayContaining([priyas.id, rahuls.id]));
    await request(t.http).get(`/api/tasks/${rahuls.id}`).set(manager.auth).expect(200);
  });
});
