import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { JobsModule } from '@advisordesk/api-jobs';
import type { BulkOperationView } from '@advisordesk/shared';
import { LeadsModule } from '../src';
import { BulkActionsService } from '../src/bulk/bulk-actions.service';
import { newPhone } from './support';

const FAST = { JOBS_POLLING_SECONDS: '0.5', JOBS_CRON_INTERVAL_SECONDS: '1' };

interface Entry {
  type: string;
  authorId: string | null;
  data: Record<string, unknown>;
}

describe('bulk actions on leads', () => {
  let t: TestApp;
  let manager: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;
  let marketing: SignedIn;
  let campaign = 0;

  const bulk = (who: SignedIn, body: Record<string, unknown>) => request(t.http).post('/api/leads/bulk').set(who.auth).send(body);

  async function walkIn(advisor: SignedIn): Promise<{ id: string; version: number }> {
    return (
      await request(t.http).post('/api/leads').set(advisor.auth).send({ fullName: 'Rohan Das', phone: newPhone(), source: 'walk_in' }).expect(201)
    ).body;
  }

  /** `count` leads of one campaign (a filter that finds just them), written straight to the table. */
  async function manyLeads(count: number, advisorId: string | null): Promise<{ campaign: string; ids: string[] }> {
    const name = `bulk-${++campaign}`;
    const rows = await queryRows<{ id: string }>(
      t.dataSource,
      `INSERT INTO leads (reference, full_name, source, advisor_id, utm_campaign)
       SELECT 'B' || md5(random()::text), 'Lead ' || g, 'referral', $1, $2 FROM generate_series(1, $3) g ORDER BY g RETURNING id`,
      [advisorId, name, count],
    );
    return { campaign: name, ids: rows.map((row) => row.id) };
  }

  async function timelineOf(leadId: string): Promise<Entry[]> {
    return (await request(t.http).get(`/api/leads/${leadId}/timeline`).set(manager.auth).expect(200)).body;
  }

  async function untilDone(who: SignedIn, operationId: string): Promise<BulkOperationView> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { body } = await request(t.http).get(`/api/leads/bulk/${operationId}`).set(who.auth).expect(200);
      if (body.status === 'done' || body.status === 'failed' || Date.now() > deadline) return body;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  beforeAll(async () => {
    t = await createTestApp([LeadsModule, JobsModule.forRoot()], FAST);
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Manager');
    priya = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing', 'Maya Marketing');
  });
  afterAll(() => t?.close());

  it('a note lands on each selected lead’s own timeline, by its author', async () => {
    const a = await walkIn(priya);
    const b = await walkIn(priya);
    const { body } = await bulk(manager, { ids: [a.id, b.id], action: 'note', text: '  Sent the scholarship list  ' }).expect(200);
    expect(body).toEqual({ updated: 2, skipped: [] });
    for (const lead of [a, b])
      expect((await timelineOf(lead.id))[0]).toMatchObject({ type: 'note', authorId: manager.id, data: { text: 'Sent the scholarship list' } });
  });

  it('assigning writes an assignment entry on each lead, moves its follow-ups and tells the advisor; a lead already theirs is unchanged', async () => {
    const a = await walkIn(priya);
    const b = await walkIn(rahul);
    await request(t.http)
      .post('/api/tasks')
      .set(priya.auth)
      .send({ leadId: a.id, dueAt: new Date(Date.now() + 86_400_000).toISOString() })
      .expect(201);
    const { body } = await bulk(manager, { ids: [a.id, b.id], action: 'assign', advisorId: rahul.id }).expect(200);
    expect(body).toEqual({ updated: 1, skipped: [{ id: b.id, reason: 'unchanged' }] });
    expect((await timelineOf(a.id))[0]).toMatchObject({
      type: 'assignment',
      authorId: manager.id,
      data: { from: priya.id, fromName: 'Priya Sharma', to: rahul.id, toName: 'Rahul Verma' },
    });
    const owners = await queryRows<{ ownerId: string }>(t.dataSource, `SELECT owner_id AS "ownerId" FROM tasks WHERE lead_id = $1`, [a.id]);
    expect(owners).toEqual([{ ownerId: rahul.id }]);
    const told = await queryRows<{ kind: string }>(t.dataSource, `SELECT kind FROM notifications WHERE user_id = $1 AND lead_id = $2`, [
      rahul.id,
      a.id,
    ]);
    expect(told).toEqual([{ kind: 'lead.assigned' }]);
    expect((await request(t.http).get(`/api/leads/${a.id}`).set(rahul.auth).expect(200)).body.version).toBe(a.version + 1);
  });

  it('a status change is each lead’s from → to with the lost reason and note, as one lead’s would be', async () => {
    const a = await walkIn(priya);
    const b = await walkIn(priya);
    await request(t.http).post(`/api/leads/${b.id}/status`).set(priya.auth).send({ status: 'contacted', version: b.version }).expect(200);
    const { body } = await bulk(manager, { ids: [a.id, b.id], action: 'status', status: 'lost', lostReason: 'budget', note: 'Fees too high' }).expect(
      200,
    );
    expect(body).toEqual({ updated: 2, skipped: [] });
    expect((await timelineOf(a.id))[0]).toMatchObject({
      type: 'status_change',
      data: { from: 'new', to: 'lost', lostReason: 'budget', note: 'Fees too high' },
    });
    expect((await timelineOf(b.id))[0].data).toEqual({ from: 'contacted', to: 'lost', lostReason: 'budget', note: 'Fees too high' });
    const lead = (await request(t.http).get(`/api/leads/${b.id}`).set(priya.auth).expect(200)).body;
    expect(lead).toMatchObject({ status: 'lost', lostReason: 'budget' });
  });

  it('a follow-up is scheduled on each lead for its advisor, on its timeline and in its next follow-up time', async () => {
    const a = await walkIn(priya);
    const b = await walkIn(rahul);
    const dueAt = '2031-03-02T04:30:00.000Z';
    const { body } = await bulk(manager, { ids: [a.id, b.id], action: 'followUp', dueAt, text: 'Call about the EMI' }).expect(200);
    expect(body.updated).toBe(2);
    for (const [lead, owner] of [
      [a, priya],
      [b, rahul],
    ] as const) {
      const tasks = (await request(t.http).get(`/api/tasks?leadId=${lead.id}`).set(owner.auth).expect(200)).body;
      expect(tasks).toEqual([expect.objectContaining({ ownerId: owner.id, title: 'Call about the EMI', dueAt })]);
      expect((await request(t.http).get(`/api/leads/${lead.id}`).set(owner.auth).expect(200)).body.nextFollowUpAt).toBe(dueAt);
      expect((await timelineOf(lead.id))[0]).toMatchObject({ type: 'task', data: { action: 'scheduled', title: 'Call about the EMI', dueAt } });
    }
  });

  it('an advisor works only on their own leads: another advisor’s, an erased one and an unknown id are skipped as not found', async () => {
    const mine = await walkIn(priya);
    const theirs = await walkIn(rahul);
    const erased = await walkIn(priya);
    await request(t.http).post(`/api/leads/${erased.id}/erase`).set(manager.auth).expect(200);
    const unknown = '5f0c7a2e-1b3d-4c5e-8f9a-0b1c2d3e4f50';
    const { body } = await bulk(priya, { ids: [mine.id, theirs.id, erased.id, unknown], action: 'note', text: 'Checked in' }).expect(200);
    expect(body).toEqual({
      updated: 1,
      skipped: [
        { id: theirs.id, reason: 'notFound' },
        { id: erased.id, reason: 'notFound' },
        { id: unknown, reason: 'notFound' },
      ],
    });
    expect((await timelineOf(theirs.id)).some((entry) => entry.type === 'note')).toBe(false);
  });

  it('a lead changed since the user saw it is skipped as stale and keeps the other change', async () => {
    const a = await walkIn(priya);
    const b = await walkIn(priya);
    await request(t.http).post(`/api/leads/${b.id}/status`).set(priya.auth).send({ status: 'counselled', version: b.version }).expect(200);
    const { body } = await bulk(manager, { ids: [a.id, b.id], versions: [a.version, b.version], action: 'status', status: 'contacted' }).expect(200);
    expect(body).toEqual({ updated: 1, skipped: [{ id: b.id, reason: 'stale' }] });
    expect((await request(t.http).get(`/api/leads/${b.id}`).set(priya.auth).expect(200)).body.status).toBe('counselled');
  });

  it('a lead changed by someone else while the bulk action waits for it is skipped as stale, never overwritten', async () => {
    const lead = await walkIn(priya);
    const colleague = t.dataSource.createQueryRunner();
    await colleague.connect();
    await colleague.startTransaction();
    try {
      await colleague.query(`UPDATE leads SET status = 'shortlisted', max_stage = 3, version = version + 1 WHERE id = $1`, [lead.id]);
      const pending = bulk(manager, { ids: [lead.id], versions: [lead.version], action: 'assign', advisorId: rahul.id }).then((r) => r);
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const [waiting] = await queryRows(
          t.dataSource,
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'`,
        );
        if (waiting) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await colleague.commitTransaction();
      const response = await pending;
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ updated: 0, skipped: [{ id: lead.id, reason: 'stale' }] });
    } finally {
      if (colleague.isTransactionActive) await colleague.rollbackTransaction();
      await colleague.release();
    }
    const row = await queryOne<{ status: string; advisorId: string }>(
      t.dataSource,
      `SELECT status, advisor_id AS "advisorId" FROM leads WHERE id = $1`,
      [lead.id],
    );
    expect(row).toEqual({ status: 'shortlisted', advisorId: priya.id });
  });

  it('the pipeline rules hold for each lead: an advisor cannot move one back; one already there is unchanged', async () => {
    const forward = await walkIn(priya);
    const back = await walkIn(priya);
    const same = await walkIn(priya);
    await request(t.http).post(`/api/leads/${back.id}/status`).set(priya.auth).send({ status: 'shortlisted', version: back.version }).expect(200);
    await request(t.http).post(`/api/leads/${same.id}/status`).set(priya.auth).send({ status: 'counselled', version: same.version }).expect(200);
    const { body } = await bulk(priya, { ids: [forward.id, back.id, same.id], action: 'status', status: 'counselled' }).expect(200);
    expect(body).toEqual({
      updated: 1,
      skipped: [
        { id: back.id, reason: 'notAllowed' },
        { id: same.id, reason: 'unchanged' },
      ],
    });
    expect((await request(t.http).get(`/api/leads/${back.id}`).set(priya.auth).expect(200)).body.status).toBe('shortlisted');
    // A manager may move it back, as for one lead.
    expect((await bulk(manager, { ids: [back.id], action: 'status', status: 'counselled' }).expect(200)).body.updated).toBe(1);
  });

  it('refuses bad requests naming the field, and roles that may not do it', async () => {
    const lead = await walkIn(priya);
    const refused = async (who: SignedIn, body: Record<string, unknown>, status: number, field?: string) => {
      const response = await bulk(who, body).expect(status);
      if (field) expect(response.body.fields?.map((f: { field: string }) => f.field)).toContain(field);
    };
    await refused(manager, { ids: [lead.id], action: 'status', status: 'lost' }, 400, 'lostReason');
    await refused(manager, { ids: [lead.id], action: 'note' }, 400, 'text');
    await refused(manager, { ids: [lead.id], action: 'note', text: 'x', advisorId: rahul.id }, 400, 'advisorId');
    await refused(manager, { ids: [lead.id], action: 'assign', advisorId: manager.id }, 400, 'advisorId');
    await refused(manager, { ids: [lead.id], action: 'followUp', dueAt: 'tomorrow' }, 400, 'dueAt');
    await refused(manager, { ids: [lead.id, lead.id], action: 'note', text: 'x' }, 400, 'ids');
    await refused(manager, { ids: ['not-an-id'], action: 'note', text: 'x' }, 400, 'ids');
    await refused(manager, { ids: null, action: 'note', text: 'x' }, 400, 'ids');
    await refused(manager, { action: 'note', text: 'x' }, 400, 'ids');
    await refused(manager, { ids: [lead.id], versions: [1, 2], action: 'note', text: 'x' }, 400, 'versions');
    await refused(manager, { ids: [lead.id], action: 'erase' }, 400, 'action');
    await refused(manager, { filter: 'phoneNumber=1', action: 'note', text: 'x' }, 400, 'phoneNumber');
    await refused(manager, { ids: [lead.id], action: 'note', text: 'x\u0000' }, 400);
    await refused(manager, { ids: [lead.id], action: 'note', text: 'x', owner: 'me' }, 400, 'owner');
    await request(t.http)
      .post('/api/leads/bulk')
      .set({ ...manager.auth, 'content-type': 'application/json' })
      .send(`{"ids":["${lead.id}"],"action":"note","text":"x","__proto__":{"role":"admin"}}`)
      .expect(400);
    await refused(marketing, { ids: [lead.id], action: 'note', text: 'x' }, 403);
    await refused(priya, { ids: [lead.id], action: 'assign', advisorId: rahul.id }, 403);
    expect((await timelineOf(lead.id)).some((entry) => entry.type === 'note')).toBe(false);
  });

  it('a filter selects the leads of the list the user sees, counted when submitted, and runs in the background', async () => {
    const { campaign: name, ids: priyas } = await manyLeads(3, priya.id);
    const { ids: rahuls } = await manyLeads(2, rahul.id);
    await t.dataSource.query(`UPDATE leads SET utm_campaign = $1 WHERE id = ANY($2)`, [name, rahuls]);
    const submitted = await bulk(priya, {
      filter: `utmCampaign=${name}&_start=0&_end=1&_sort=createdAt&_order=desc`,
      action: 'note',
      text: 'Webinar invite sent',
    }).expect(202);
    expect(submitted.body).toEqual({ operationId: expect.any(String), total: 3 });
    const done = await untilDone(priya, submitted.body.operationId);
    expect(done).toMatchObject({ status: 'done', total: 3, processed: 3, updated: 3, skipped: [] });
    for (const id of priyas) expect((await timelineOf(id)).filter((entry) => entry.type === 'note')).toHaveLength(1);
    for (const id of rahuls) expect((await timelineOf(id)).some((entry) => entry.type === 'note')).toBe(false);
    // Someone else's operation does not exist for them.
    await request(t.http).get(`/api/leads/bulk/${submitted.body.operationId}`).set(manager.auth).expect(404);
  });

  it('more than one chunk of leads runs as a job: chunk by chunk to the final counts, each lead on its own timeline once', async () => {
    const { ids } = await manyLeads(620, priya.id);
    await t.dataSource.query(`UPDATE leads SET advisor_id = $1 WHERE id = $2`, [rahul.id, ids[7]]);
    const submitted = await bulk(manager, { ids, action: 'assign', advisorId: rahul.id }).expect(202);
    expect(submitted.body.total).toBe(620);
    const done = await untilDone(manager, submitted.body.operationId);
    expect(done).toMatchObject({ status: 'done', total: 620, processed: 620, updated: 619, skipped: [{ id: ids[7], reason: 'unchanged' }] });
    const [{ moved, entries }] = await queryRows<{ moved: number; entries: number }>(
      t.dataSource,
      `SELECT (SELECT count(*)::int FROM leads WHERE id = ANY($1) AND advisor_id = $2) AS moved,
              (SELECT count(*)::int FROM activities WHERE lead_id = ANY($1) AND type = 'assignment') AS entries`,
      [ids, rahul.id],
    );
    expect({ moved, entries }).toEqual({ moved: 620, entries: 619 });
  });

  it('an operation retried after a chunk carries on from there and does nothing twice', async () => {
    const { ids } = await manyLeads(600, priya.id);
    // As if the instance running it stopped after the first chunk: those 500 already have their note.
    await t.dataSource.query(
      `INSERT INTO activities (lead_id, type, author_id, data) SELECT id, 'note', $2, '{"text":"Fair on Sunday"}' FROM unnest($1::uuid[]) id`,
      [ids.slice(0, 500), manager.id],
    );
    const { id } = await queryOne<{ id: string }>(
      t.dataSource,
      `INSERT INTO bulk_operations (user_id, action, params, lead_ids, total, processed, updated, status)
       VALUES ($1, 'note', '{"text":"Fair on Sunday"}', $2, 600, 500, 500, 'running') RETURNING id`,
      [manager.id, ids],
    );
    await t.app.get(BulkActionsService).run(id);
    expect(await untilDone(manager, id)).toMatchObject({ status: 'done', processed: 600, updated: 600 });
    const counts = await queryRows<{ n: number; leads: number }>(
      t.dataSource,
      `SELECT n, count(*)::int AS leads FROM (SELECT count(*)::int AS n FROM activities WHERE lead_id = ANY($1) AND type = 'note' GROUP BY lead_id) c GROUP BY n`,
      [ids],
    );
    expect(counts).toEqual([{ n: 1, leads: 600 }]);
    // The note's words leave the operation once every lead has them (erasure finds them on the timelines).
    expect((await queryOne<{ params: object }>(t.dataSource, `SELECT params FROM bulk_operations WHERE id = $1`, [id])).params).toEqual({});
  });
});

describe('bulk actions on an instance that works no background jobs', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('runs a background operation itself, to the end', async () => {
    t = await createTestApp([LeadsModule, JobsModule.forRoot()], { ...FAST, JOBS_ENABLED: 'false' });
    const manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Manager');
    await queryRows(
      t.dataSource,
      `INSERT INTO leads (reference, full_name, source, utm_campaign) SELECT 'B' || md5(random()::text), 'Lead ' || g, 'referral', 'fair' FROM generate_series(1, 4) g`,
    );
    const submitted = await request(t.http)
      .post('/api/leads/bulk')
      .set(manager.auth)
      .send({ filter: 'utmCampaign=fair', action: 'note', text: 'Met at the fair' })
      .expect(202);
    const deadline = Date.now() + 30_000;
    let operation: BulkOperationView;
    do {
      operation = (await request(t.http).get(`/api/leads/bulk/${submitted.body.operationId}`).set(manager.auth).expect(200)).body;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } while (operation.status !== 'done' && Date.now() < deadline);
    expect(operation).toMatchObject({ status: 'done', total: 4, processed: 4, updated: 4 });
  });
});
