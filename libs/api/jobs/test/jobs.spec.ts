import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { queryOne, queryRows } from '@advisordesk/api-core';
import { AuthModule } from '@advisordesk/api-auth';
import { createUserAndSignIn } from '@advisordesk/api-auth/testing';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import type { FailedJobView, JobQueueView } from '@advisordesk/shared';
import { JobsModule, JobsService } from '../src';

/** What the test queues' handlers did, across the apps of one test (they share this process). */
const runs: { queue: string; app: number; id: string; data: Record<string, unknown>; at: number }[] = [];
const state = { failing: true, slowStarted: false, slowFinished: false };
let appCounter = 0;

const until = async (check: () => boolean | Promise<boolean>, what: string, seconds = 20) => {
  const deadline = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

@Injectable()
class TestQueues implements OnModuleInit {
  private readonly app = ++appCounter;
  constructor(private readonly jobs: JobsService) {}

  onModuleInit() {
    const record = (queue: string) => async (job: { id: string; data: object }) => {
      runs.push({ queue, app: this.app, id: job.id, data: job.data as Record<string, unknown>, at: Date.now() });
    };
    this.jobs.define<{ leadId: string; phone: string }>({
      queue: 'test.follow-up-reminder',
      retryLimit: 2,
      retryDelaySeconds: 1,
      retryBackoff: true,
      handler: async (job) => {
        await record('test.follow-up-reminder')(job);
        if (state.failing) throw new Error('WhatsApp gateway answered 503');
      },
    });
    this.jobs.define({ queue: 'test.digest', handler: record('test.digest') });
    this.jobs.define({ queue: 'test.lead-digest', policy: 'stately', handler: record('test.lead-digest') });
    this.jobs.define({ queue: 'test.tick', schedule: { cron: '* * * * *' }, handler: record('test.tick') });
    this.jobs.define({
      queue: 'test.slow',
      handler: async (job) => {
        state.slowStarted = true;
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await record('test.slow')(job);
        state.slowFinished = true;
      },
    });
  }
}

@Module({ providers: [TestQueues] })
class TestQueuesModule {}

const FAST = { JOBS_POLLING_SECONDS: '0.5', JOBS_CRON_INTERVAL_SECONDS: '1' };
const imports = () => [AuthModule, JobsModule.forRoot(), TestQueuesModule];

describe('background jobs (pg-boss on the app database)', () => {
  let t: TestApp;
  let jobs: JobsService;

  beforeAll(async () => {
    t = await createTestApp(imports(), FAST);
    jobs = t.app.get(JobsService);
  });
  afterAll(() => t?.close());

  it('retries a failing job with backoff, dead-letters it, shows its error to admins, and runs it again on retry', async () => {
    const admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    const leadId = '6a1b7c1e-0d1f-4c55-9d4e-2f9a3b1c0d11';
    const id = await jobs.send('test.follow-up-reminder', { leadId, phone: '+919876543210' });

    await until(async () => {
      const job = await queryOne<{ state: string }>(t.dataSource, `SELECT state::text AS state FROM pgboss.job WHERE id = $1`, [id]);
      return job.state === 'failed';
    }, 'the job to fail for good');
    const attempts = runs.filter((r) => r.id === id);
    expect(attempts).toHaveLength(3);
    // Each retry waited out its delay (1 s, then about twice that).
    expect(attempts[1].at - attempts[0].at).toBeGreaterThanOrEqual(1000);
    expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(1000);

    const queues = await request(t.http).get('/api/jobs/queues').set(admin.auth).expect(200);
    const reminder = (queues.body as JobQueueView[]).find((q) => q.name === 'test.follow-up-reminder');
    expect(reminder).toMatchObject({
      failed: 1,
      deadLettered: 1,
      retryLimit: 2,
      retryBackoff: true,
      deadLetter: 'test.follow-up-reminder.dead-letter',
    });

    const failed = await request(t.http).get('/api/jobs/failed').query({ queue: 'test.follow-up-reminder' }).set(admin.auth).expect(200);
    expect(failed.headers['x-total-count']).toBe('1');
    const [job] = failed.body as FailedJobView[];
    expect(job).toMatchObject({ id, queue: 'test.follow-up-reminder', attempts: 3, error: 'WhatsApp gateway answered 503', summary: { leadId } });
    // The phone never reaches the screen.
    expect(JSON.stringify(failed.body)).not.toContain('9876543210');

    state.failing = false;
    await request(t.http).post(`/api/jobs/test.follow-up-reminder/${id}/retry`).set(admin.auth).expect(204);
    await until(async () => {
      const row = await queryOne<{ state: string }>(t.dataSource, `SELECT state::text AS state FROM pgboss.job WHERE id = $1`, [id]);
      return row.state === 'completed';
    }, 'the retried job to complete');
    expect(runs.filter((r) => r.id === id)).toHaveLength(4);
    const after = await request(t.http).get('/api/jobs/failed').set(admin.auth).expect(200);
    expect(after.body).toEqual([]);
  });

  it('answers 404 for an unknown queue or job, 400 for a bad page, and refuses everyone but admins', async () => {
    const admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    const manager = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    const unknownId = '00000000-0000-4000-8000-000000000000';
    await request(t.http).post(`/api/jobs/test.digest/${unknownId}/retry`).set(admin.auth).expect(404);
    await request(t.http).post(`/api/jobs/no-such-queue/${unknownId}/retry`).set(admin.auth).expect(404);
    await request(t.http).post(`/api/jobs/test.digest/not-an-id/retry`).set(admin.auth).expect(404);
    const completed = await jobs.send('test.digest', { userId: admin.id });
    await until(() => runs.some((r) => r.id === completed), 'the digest to run');
    await request(t.http).post(`/api/jobs/test.digest/${completed}/retry`).set(admin.auth).expect(404);
    const badPage = await request(t.http).get('/api/jobs/failed').query({ page: '0' }).set(admin.auth).expect(400);
    expect(JSON.stringify(badPage.body)).toContain('page');
    await request(t.http).get('/api/jobs/failed').query({ queue: 'no-such-queue' }).set(admin.auth).expect(404);
    await request(t.http).get('/api/jobs/queues').set(manager.auth).expect(403);
  });

  it('makes one job of sends that share a singleton key', async () => {
    const boss = await jobs.started();
    await boss.offWork('test.lead-digest');
    const send = () => jobs.send('test.lead-digest', { leadId: 'x' }, { singletonKey: 'lead-42' });
    const sent = await Promise.all(Array.from({ length: 10 }, send));
    expect(sent.filter(Boolean)).toHaveLength(1);
    const rows = await queryRows(t.dataSource, `SELECT id FROM pgboss.job WHERE name = 'test.lead-digest' AND singleton_key = 'lead-42'`);
    expect(rows).toHaveLength(1);
    // Another key is another job.
    expect(await jobs.send('test.lead-digest', { leadId: 'y' }, { singletonKey: 'lead-43' })).not.toBeNull();
  });
});

describe('background jobs across two instances on one database', () => {
  it('fires a schedule once per tick although both instances run it', async () => {
    const firstApp = appCounter + 1;
    const ticksHere = () => runs.filter((r) => r.queue === 'test.tick' && r.app >= firstApp);
    const a = await createTestApp(imports(), FAST);
    const b = await createTestApp(imports(), FAST, { database: a.database });
    try {
      await until(() => ticksHere().length > 0, 'the first tick', 75);
      // Both instances keep passing over the schedule every second; give them a few passes.
      await new Promise((resolve) => setTimeout(resolve, 4000));
      // One job per occurrence, whichever instance files it: pg-boss keeps each minute's occurrence once (a
      // unique slot) and sends its job from there. Counted per occurrence, not as "one": a tick due while the
      // instances started is caught up, so two occurrences can fall in these few seconds.
      const [{ jobs, occurrences, forwarded }] = await queryRows<{ jobs: number; occurrences: number; forwarded: number }>(
        a.dataSource,
        `SELECT (SELECT count(*)::int FROM pgboss.job WHERE name = 'test.tick') AS jobs,
                (SELECT count(DISTINCT singleton_on)::int FROM pgboss.job WHERE name = '__pgboss__send-it' AND data->>'name' = 'test.tick') AS occurrences,
                (SELECT count(DISTINCT singleton_on)::int FROM pgboss.job WHERE name = '__pgboss__send-it' AND data->>'name' = 'test.tick' AND state = 'completed') AS forwarded`,
      );
      expect(forwarded).toBeGreaterThan(0);
      expect(jobs).toBeLessThanOrEqual(occurrences);
      expect(jobs).toBeGreaterThanOrEqual(forwarded);
      // Each job ran once, on one of the two instances.
      await until(() => ticksHere().length >= jobs, 'every tick to run', 10);
      expect(ticksHere()).toHaveLength(jobs);
    } finally {
      await b.app.close();
      await a.close();
    }
  }, 90_000);

  it('lets an in-flight job finish when an instance shuts down', async () => {
    const t = await createTestApp(imports(), FAST);
    const id = await t.app.get(JobsService).send('test.slow', { leadId: 'x' });
    await until(() => state.slowStarted, 'the slow job to start');
    await t.app.close();
    expect(state.slowFinished).toBe(true);
    const client = new Client({ connectionString: t.database.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT state::text AS state FROM pgboss.job WHERE id = $1`, [id]);
      expect(rows[0].state).toBe('completed');
    } finally {
      await client.end();
      await t.database.drop();
    }
  });
});
