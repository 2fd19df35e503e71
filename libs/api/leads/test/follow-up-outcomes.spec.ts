import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { OPEN_STATUSES, type CallLoggedView, type TaskView } from '@advisordesk/shared';
import { LeadsModule } from '../src';
import { inquiry, submitInquiry } from './support';

describe('follow-ups end with an outcome and a next step', () => {
  let t: TestApp;
  let manager: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;

  async function leadFor(advisor: SignedIn, fullName: string): Promise<string> {
    const body = inquiry({ fullName });
    await submitInquiry(t, body).then((r) => expect(r.status).toBe(201));
    const { id } = await queryOne<{ id: string }>(t.dataSource, `SELECT id FROM leads WHERE phone = $1`, [`+91${body.phone}`]);
    await request(t.http).post(`/api/leads/${id}/assign`).set(manager.auth).send({ advisorId: advisor.id }).expect(200);
    return id;
  }

  async function followUp(advisor: SignedIn, leadId: string, title: string, inMinutes: number): Promise<TaskView> {
    const dueAt = new Date(Date.now() + inMinutes * 60_000).toISOString();
    return (await request(t.http).post('/api/tasks').set(advisor.auth).send({ leadId, title, dueAt }).expect(201)).body;
  }

  const openTasks = (leadId: string) =>
    queryRows<{ id: string; title: string; follows: string | null }>(
      t.dataSource,
      `SELECT id, title, follows_task_id AS follows FROM tasks WHERE lead_id = $1 AND done_at IS NULL ORDER BY due_at`,
      [leadId],
    );
  const nextFollowUpAt = async (leadId: string) =>
    (await queryOne<{ at: Date | null }>(t.dataSource, `SELECT next_follow_up_at AS at FROM leads WHERE id = $1`, [leadId])).at;
  const timeline = async (leadId: string) =>
    (await request(t.http).get(`/api/leads/${leadId}/timeline`).set(manager.auth).expect(200)).body as {
      type: string;
      data: Record<string, unknown>;
    }[];

  beforeAll(async () => {
    t = await createTestApp([LeadsModule], { INQUIRY_RATE_LIMIT: '10000' });
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Manager');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
  });
  afterAll(() => t.close());

  it('Done records how it ended on the follow-up and the timeline, and schedules the next one in the same request', async () => {
    const leadId = await leadFor(priya, 'Kavya Iyer');
    const task = await followUp(priya, leadId, 'First call', -30);
    const dueAt = new Date(Date.now() + 2 * 3_600_000).toISOString();

    const done = await request(t.http)
      .patch(`/api/tasks/${task.id}`)
      .set(priya.auth)
      .send({ done: true, outcome: 'no_answer', note: 'Rang twice', next: { dueAt, title: 'Call again' } })
      .expect(200);

    expect(done.body).toMatchObject({ done: true, outcome: 'no_answer' });
    const open = await openTasks(leadId);
    expect(open).toEqual([{ id: expect.any(String), title: 'Call again', follows: task.id }]);
    expect((await nextFollowUpAt(leadId))?.toISOString()).toBe(dueAt);
    const [scheduled, closed] = (await timeline(leadId)).filter((a) => a.type === 'task');
    expect(closed.data).toMatchObject({ action: 'done', title: 'First call', outcome: 'no_answer', note: 'Rang twice' });
    expect(scheduled.data).toMatchObject({ action: 'scheduled', title: 'Call again', dueAt });
  });

  it('nothing is half-written: a next follow-up that cannot be scheduled leaves the first one open', async () => {
    const leadId = await leadFor(priya, 'Ishaan Kapoor');
    const task = await followUp(priya, leadId, 'Share the fee sheet', -10);
    const answer = await request(t.http)
      .patch(`/api/tasks/${task.id}`)
      .set(priya.auth)
      .send({ done: true, outcome: 'connected', next: { dueAt: 'tomorrow-ish' } })
      .expect(400);
    expect(answer.body.fields?.map((f: { field: string }) => f.field).join()).toContain('dueAt');
    expect(await openTasks(leadId)).toEqual([{ id: task.id, title: 'Share the fee sheet', follows: null }]);
    // The database refuses the next follow-up after the first one was closed: the whole request is rolled back.
    await t.dataSource.query(`CREATE FUNCTION refuse_exploding_task() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.title = 'explode' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`);
    await t.dataSource.query(`CREATE TRIGGER refuse_exploding_task BEFORE INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION refuse_exploding_task()`);
    try {
      const next = { dueAt: new Date(Date.now() + 86_400_000).toISOString(), title: 'explode' };
      await request(t.http).patch(`/api/tasks/${task.id}`).set(priya.auth).send({ done: true, outcome: 'connected', next }).expect(500);
      await request(t.http).post(`/api/leads/${leadId}/calls`).set(priya.auth).send({ outcome: 'connected', next }).expect(500);
    } finally {
      await t.dataSource.query(`DROP TRIGGER refuse_exploding_task ON tasks`);
      await t.dataSource.query(`DROP FUNCTION refuse_exploding_task()`);
    }
    expect(await openTasks(leadId)).toEqual([{ id: task.id, title: 'Share the fee sheet', follows: null }]);
    expect((await timeline(leadId)).filter((a) => a.type === 'call' || a.data.action === 'done')).toEqual([]);
  });

  it('Undo reopens the follow-up and cancels the next one its completion scheduled', async () => {
    const leadId = await leadFor(priya, 'Meher Bansal');
    const task = await followUp(priya, leadId, 'Discuss EMI', -5);
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    await request(t.http)
      .patch(`/api/tasks/${task.id}`)
      .set(priya.auth)
      .send({ done: true, outcome: 'connected', next: { dueAt, title: 'Send the comparison' } })
      .expect(200);

    const undone = await request(t.http).patch(`/api/tasks/${task.id}`).set(priya.auth).send({ done: false }).expect(200);

    expect(undone.body).toMatchObject({ done: false, outcome: null });
    expect(await openTasks(leadId)).toEqual([{ id: task.id, title: 'Discuss EMI', follows: null }]);
    expect((await nextFollowUpAt(leadId))?.toISOString()).toBe(new Date(task.dueAt).toISOString());
    const actions = (await timeline(leadId)).filter((a) => a.type === 'task').map((a) => `${a.data.action} ${a.data.title}`);
    expect(actions.slice(0, 2)).toEqual(['cancelled Send the comparison', 'reopened Discuss EMI']);
  });

  it('a bad outcome is a 400 naming outcome; an outcome without done is refused too', async () => {
    const leadId = await leadFor(priya, 'Rohan Mehta');
    const task = await followUp(priya, leadId, 'Call', 60);
    for (const body of [{ done: true, outcome: 'maybe' }, { done: true, outcome: null }, { outcome: 'busy' }]) {
      const answer = await request(t.http).patch(`/api/tasks/${task.id}`).set(priya.auth).send(body).expect(400);
      expect(answer.body.fields.map((f: { field: string }) => f.field)).toEqual(['outcome']);
    }
    const bad = await request(t.http).post(`/api/leads/${leadId}/calls`).set(priya.auth).send({ outcome: 'not_interested' }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['outcome']);
    expect(await openTasks(leadId)).toHaveLength(1);
  });

  it('logging a call closes the follow-up that is due with the call’s outcome, and schedules the next, in one transaction', async () => {
    const leadId = await leadFor(priya, 'Sana Qureshi');
    const overdue = await followUp(priya, leadId, 'Call about the brochure', -90);
    const later = await followUp(priya, leadId, 'Check the application', 3 * 24 * 60);
    const dueAt = new Date(Date.now() + 2 * 3_600_000).toISOString();

    const call = await request(t.http)
      .post(`/api/leads/${leadId}/calls`)
      .set(priya.auth)
      .send({ outcome: 'busy', note: 'In a meeting', next: { dueAt, title: 'Call again' } })
      .expect(201);

    const body = call.body as CallLoggedView;
    expect(body.closedFollowUps.map((x) => [x.id, x.outcome])).toEqual([[overdue.id, 'busy']]);
    expect(body.nextFollowUp).toMatchObject({ title: 'Call again', dueAt, followsTaskId: overdue.id });
    expect((await openTasks(leadId)).map((x) => x.title)).toEqual(['Call again', later.title]);
    const entries = await timeline(leadId);
    expect(entries.find((a) => a.type === 'call')?.data).toMatchObject({ outcome: 'busy', note: 'In a meeting' });
    expect(entries.find((a) => a.type === 'task' && a.data.action === 'done')?.data).toMatchObject({
      title: 'Call about the brochure',
      outcome: 'busy',
    });

    // Undo of the call's closing: the overdue one is open again, the one the call scheduled gone.
    await request(t.http).patch(`/api/tasks/${overdue.id}`).set(priya.auth).send({ done: false }).expect(200);
    expect((await openTasks(leadId)).map((x) => x.title)).toEqual(['Call about the brochure', later.title]);
  });

  it('a call with no follow-up due closes nothing; a bad next rolls the call back too', async () => {
    const leadId = await leadFor(priya, 'Aditya Rao');
    const later = await followUp(priya, leadId, 'Next week', 7 * 24 * 60);
    const call = await request(t.http).post(`/api/leads/${leadId}/calls`).set(priya.auth).send({ outcome: 'connected' }).expect(201);
    expect(call.body).toMatchObject({ closedFollowUps: [], nextFollowUp: null });
    expect((await openTasks(leadId)).map((x) => x.id)).toEqual([later.id]);

    await request(t.http)
      .post(`/api/leads/${leadId}/calls`)
      .set(priya.auth)
      .send({ outcome: 'busy', next: { dueAt: 'soon' } })
      .expect(400);
    expect((await timeline(leadId)).filter((a) => a.type === 'call')).toHaveLength(1);
  });

  it('"no next step": open leads with no open follow-up, and an advisor sees only their own', async () => {
    const without = await leadFor(priya, 'Nisha Patel');
    const withOne = await leadFor(priya, 'Varun Joshi');
    await followUp(priya, withOne, 'Call', 60);
    const lost = await leadFor(priya, 'Karan Lost');
    const lead = (await request(t.http).get(`/api/leads/${lost}`).set(priya.auth).expect(200)).body;
    await request(t.http)
      .post(`/api/leads/${lost}/status`)
      .set(priya.auth)
      .send({ status: 'lost', lostReason: 'not_interested', version: lead.version })
      .expect(200);
    const rahuls = await leadFor(rahul, 'Tara Sen');

    const query = `nextFollowUpAt_null=true&${OPEN_STATUSES.map((s) => `status=${s}`).join('&')}&_start=0&_end=200`;
    const names = async (who: SignedIn) =>
      ((await request(t.http).get(`/api/leads?${query}`).set(who.auth).expect(200)).body as { fullName: string }[]).map((l) => l.fullName);

    const priyas = await names(priya);
    expect(priyas).toContain('Nisha Patel');
    expect(priyas).not.toContain('Varun Joshi');
    expect(priyas).not.toContain('Karan Lost');
    expect(priyas).not.toContain('Tara Sen');
    expect(await names(manager)).toEqual(expect.arrayContaining(['Nisha Patel', 'Tara Sen']));
    expect(without).not.toBe(rahuls);

    // Completing its last follow-up with no next step puts a lead in the queue.
    const task = (await request(t.http).get(`/api/tasks?leadId=${withOne}`).set(priya.auth).expect(200)).body[0];
    await request(t.http).patch(`/api/tasks/${task.id}`).set(priya.auth).send({ done: true, outcome: 'wrong_number' }).expect(200);
    expect(await names(priya)).toContain('Varun Joshi');

    const bad = await request(t.http).get('/api/leads?nextFollowUpAt_null=maybe').set(priya.auth).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['nextFollowUpAt_null']);
  });

  it('the team summary gives managers each advisor’s open leads by status, no-next-step and overdue counts, the same the lists show', async () => {
    const vikram = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Vikram Nair');
    const a = await leadFor(vikram, 'Pooja Reddy');
    const b = await leadFor(vikram, 'Arjun Das');
    await followUp(vikram, a, 'Call', -15);
    const lead = (await request(t.http).get(`/api/leads/${b}`).set(vikram.auth).expect(200)).body;
    await request(t.http).post(`/api/leads/${b}/status`).set(vikram.auth).send({ status: 'contacted', version: lead.version }).expect(200);

    const summary = (await request(t.http).get('/api/team/summary').set(manager.auth).expect(200)).body as {
      advisorId: string;
      openByStatus: Record<string, number>;
      openLeads: number;
      noNextStep: number;
      overdueFollowUps: number;
    }[];
    const row = summary.find((r) => r.advisorId === vikram.id);
    expect(row).toMatchObject({ openLeads: 2, noNextStep: 1, overdueFollowUps: 1 });
    expect(row?.openByStatus).toMatchObject({ new: 1, contacted: 1, enrolled: 0, lost: 0 });

    const listed = await request(t.http)
      .get(`/api/leads?advisorId=${vikram.id}&nextFollowUpAt_null=true&${OPEN_STATUSES.map((s) => `status=${s}`).join('&')}`)
      .set(manager.auth)
      .expect(200);
    expect(Number(listed.headers['x-total-count'])).toBe(row?.noNextStep);
    const overdue = await request(t.http).get(`/api/tasks?ownerId=${vikram.id}&done=false&dueAt_lte=${new Date().toISOString()}`).set(manager.auth);
    expect(Number(overdue.headers['x-total-count'])).toBe(row?.overdueFollowUps);

    await request(t.http).get('/api/team/summary').set(vikram.auth).expect(403);
  });
});
