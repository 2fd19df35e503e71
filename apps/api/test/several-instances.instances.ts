import { randomInt } from 'node:crypto';
import request from 'supertest';
import { noticeParts, type WebsiteFormSettings } from '@advisordesk/shared';
import {
  adminToken,
  call,
  clientAddress,
  demoLogin,
  eventually,
  sharingMode,
  signIn,
  startInstances,
  type ApiInstance,
  type Instances,
} from './support/instances';

/**
 * AdvisorDesk behind a load balancer: two API processes on one database. Every check goes over
 * HTTP to both, the way a user's requests land on whichever instance the balancer picks, so a
 * rule one process keeps in its own memory shows up here as a rule that does not hold.
 * Runs with `npm run test:instances` (PostgreSQL only; with REDIS_URL set, through Redis too).
 */

const INQUIRY_LIMIT = 4;

/** A new Indian mobile number no demo lead has (the demo data uses 9xxxxxxxxx; 70xxxxxxxx are valid mobiles). */
const newPhone = () => `+9170${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;

const inquiry = (phone = newPhone()) => ({
  fullName: 'Ishaan Verma',
  phone,
  courseInterest: 'Online MBA',
  level: 'PG',
  mode: 'online',
  consent: { whatsapp: true, marketing: false },
});

const submit = (instance: ApiInstance, body: unknown, from: string) =>
  call<{ reference: string }>(instance, 'POST', '/public/inquiries', { body, from });

/** A browser's CORS preflight for posting the website form to `instance`: the origin it is allowed to post from, if any. */
async function preflight(instance: ApiInstance, origin: string): Promise<string | undefined> {
  const answer = await request(instance.baseUrl)
    .options('/api/public/inquiries')
    .set('Origin', origin)
    .set('Access-Control-Request-Method', 'POST')
    .set('Access-Control-Request-Headers', 'content-type');
  return answer.headers['access-control-allow-origin'];
}

describe(`two API instances on one database (${sharingMode()})`, () => {
  let cluster: Instances;
  let a: ApiInstance;
  let b: ApiInstance;

  beforeAll(async () => {
    cluster = await startInstances(2, { INQUIRY_RATE_LIMIT: String(INQUIRY_LIMIT), LOGIN_RATE_LIMIT: '50' });
    [a, b] = cluster.instances;
  }, 120_000);
  afterAll(() => cluster?.stop(), 30_000);

  it('the per-address inquiry limit holds across both: N accepted in all, not N on each', async () => {
    const from = clientAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 2 * INQUIRY_LIMIT; i++) statuses.push((await submit(i % 2 ? b : a, inquiry(), from)).status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(INQUIRY_LIMIT);
    expect(statuses.filter((status) => status === 429)).toHaveLength(INQUIRY_LIMIT);
    // Another visitor is not held back by this one's limit, on either instance.
    expect((await submit(b, inquiry(), clientAddress())).status).toBe(201);
  });

  it('fifty people submitting one new number at once, split across both, make one lead with fifty inquiries', async () => {
    const phone = newPhone();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => submit(i % 2 ? b : a, inquiry(phone), clientAddress())));
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(201));
    expect(new Set(answers.map((answer) => answer.body.reference)).size).toBe(1);
    const [stored] = await cluster.query<{ leads: number; inquiries: number }>(
      `SELECT count(DISTINCT l.id)::int AS leads, count(i.id)::int AS inquiries FROM leads l JOIN inquiries i ON i.lead_id = l.id WHERE l.phone = $1`,
      [phone],
    );
    expect(stored).toEqual({ leads: 1, inquiries: 50 });
  });

  it('an origin an admin allows on one instance may post the website form to the other within a second', async () => {
    const origin = `https://partner-${randomInt(1_000_000)}.example.in`;
    expect(await preflight(b, origin)).toBeUndefined();

    const token = await adminToken(a);
    const current = await call<WebsiteFormSettings>(a, 'GET', '/settings/website-form', { token });
    expect(current.status).toBe(200);
    const saved = await call<WebsiteFormSettings>(a, 'PUT', '/settings/website-form', {
      token,
      body: {
        courses: current.body.courses,
        allowedOrigins: [...current.body.allowedOrigins, origin],
        notice: { ...noticeParts(current.body.notice), contact: { name: 'Meera Iyer', email: 'privacy@example.in', phone: '+91 98765 00000' } },
      },
    });
    expect(saved.status).toBe(200);
    expect(await preflight(a, origin)).toBe(origin);
    expect(await eventually(() => preflight(b, origin), 1_000)).toBe(origin);
  });

  it('five wrong passwords on one instance lock that account from that address on the other too', async () => {
    const { email, password } = demoLogin('advisor');
    const attacker = clientAddress();
    for (let i = 0; i < 5; i++) expect((await signIn(a, email, 'not the password', attacker)).status).toBe(401);
    const onB = await signIn(b, email, password, attacker);
    expect(onB.status).toBe(429);
    expect(Number(onB.headers.get('retry-after'))).toBeGreaterThan(0);
    // The owner, signing in from their own address, is not locked out by it on either instance.
    expect((await signIn(b, email, password, clientAddress())).status).toBe(200);
  });
});

describe(`a first deploy: two API instances starting together on an empty database (${sharingMode()})`, () => {
  let cluster: Instances | undefined;
  afterAll(() => cluster?.stop(), 30_000);

  it('both start; one migrates the database while the other waits, each migration is applied once, and there is one first admin', async () => {
    const admin = { ADMIN_EMAIL: 'owner@example.in', ADMIN_PASSWORD: 'a long first password' };
    cluster = await startInstances(2, { LOG_LEVEL: 'info', ...admin }, { emptyDatabase: true });
    const applied = await cluster.query<{ name: string; times: number }>(`SELECT name, count(*)::int AS times FROM schema_migrations GROUP BY name`);
    expect(applied.length).toBeGreaterThan(0);
    expect(applied.filter((migration) => migration.times !== 1)).toEqual([]);
    // Only one of them says it applied migrations.
    const said = cluster.instances.filter((instance) => instance.output().includes('migrations applied'));
    expect(said).toHaveLength(1);
    expect(await cluster.query(`SELECT email, role FROM users`)).toEqual([{ email: admin.ADMIN_EMAIL, role: 'admin' }]);
    for (const instance of cluster.instances) expect((await signIn(instance, admin.ADMIN_EMAIL, admin.ADMIN_PASSWORD)).status).toBe(200);
  }, 120_000);
});

describe(`background jobs on two API instances (${sharingMode()})`, () => {
  let cluster: Instances;
  let a: ApiInstance;
  let b: ApiInstance;

  beforeAll(async () => {
    // Schedules looked at every second, expired runs failed every second: the test waits seconds, not minutes.
    cluster = await startInstances(2, {
      LOG_LEVEL: 'info',
      JOBS_CRON_INTERVAL_SECONDS: '1',
      JOBS_SUPERVISE_SECONDS: '1',
      JOBS_POLLING_SECONDS: '0.5',
    });
    [a, b] = cluster.instances;
  }, 120_000);
  afterAll(() => cluster?.stop(), 30_000);

  it('the minutely heartbeat is sent once a minute, not once per instance, and either instance reports it', async () => {
    // Both instances look at the schedule every second; wait for a minute's occurrence to be worked.
    const worked = await eventually(
      async () => (await cluster.query(`SELECT 1 FROM pgboss.job WHERE name = 'jobs.heartbeat' AND state = 'completed'`)).length > 0 || undefined,
      75_000,
      500,
    );
    expect(worked).toBe(true);
    // A few more passes of both instances' schedulers: still one job per minute.
    await new Promise((resolveWait) => setTimeout(resolveWait, 3_000));
    // One job per minute's occurrence: pg-boss files each occurrence once (a unique slot, whichever instance
    // gets there) and sends it from there. Counted by occurrence, not by the minute a job was written in: a
    // pass that catches up a missed occurrence writes it in the same minute as the one due then.
    const [{ jobs, occurrences, forwarded }] = await cluster.query<{ jobs: number; occurrences: number; forwarded: number }>(
      `SELECT (SELECT count(*)::int FROM pgboss.job WHERE name = 'jobs.heartbeat') AS jobs,
              (SELECT count(DISTINCT singleton_on)::int FROM pgboss.job WHERE name = '__pgboss__send-it' AND data->>'name' = 'jobs.heartbeat') AS occurrences,
              (SELECT count(DISTINCT singleton_on)::int FROM pgboss.job WHERE name = '__pgboss__send-it' AND data->>'name' = 'jobs.heartbeat' AND state = 'completed') AS forwarded`,
    );
    expect(forwarded).toBeGreaterThan(0);
    // Never more jobs than occurrences (two instances, one send each), and each forwarded occurrence sent its job.
    expect(jobs).toBeLessThanOrEqual(occurrences);
    expect(jobs).toBeGreaterThanOrEqual(forwarded);
    const survivors = cluster.instances;
    const health = await call<{ lastHeartbeatAt: string | null; workedBy: string | null }>(survivors[0], 'GET', '/jobs/health', {
      token: await adminToken(survivors[0]),
    });
    expect(health.status).toBe(200);
    expect(health.body.lastHeartbeatAt).not.toBeNull();
    expect(cluster.instances.map((instance) => `:${instance.pid}`)).toContain(health.body.workedBy?.slice(health.body.workedBy.lastIndexOf(':')));
  }, 100_000);

  it('a job whose instance is killed mid-run is retried by the other and completed once', async () => {
    const token = await adminToken(a);
    const sent = await call<{ id: string }>(a, 'POST', '/jobs/checks', { token, body: { holdSeconds: 4 } });
    expect(sent.status).toBe(202);
    const { id } = sent.body;
    const started = (instance: ApiInstance) => instance.output().includes(`check job ${id} started on`);
    const victim = await eventually(async () => [a, b].find(started), 15_000);
    if (!victim) throw new Error(`neither instance started check job ${id}\nA:\n${a.output()}\nB:\n${b.output()}`);
    const survivor = victim === a ? b : a;
    await victim.kill();

    const survivorToken = await adminToken(survivor);
    const done = await eventually(async () => {
      const answer = await call<{ state: string; retryCount: number; workedBy: string | null }>(survivor, 'GET', `/jobs/checks/${id}`, {
        token: survivorToken,
      });
      return answer.body.state === 'completed' ? answer.body : undefined;
    }, 45_000);
    expect(done).toMatchObject({ state: 'completed', workedBy: expect.stringMatching(new RegExp(`:${survivor.pid}$`)) });
    expect(done?.retryCount).toBeGreaterThanOrEqual(1);
    // Completed once: by the survivor, never by the killed one, and one job row.
    expect(survivor.output().split(`check job ${id} completed on`).length - 1).toBe(1);
    expect(victim.output()).not.toContain(`check job ${id} completed on`);
    expect(await cluster.query(`SELECT state::text AS state FROM pgboss.job WHERE id = $1`, [id])).toEqual([{ state: 'completed' }]);
  }, 90_000);
});
