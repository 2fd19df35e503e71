import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions, freePort } from '@advisordesk/api-database';
import { adminQuery, createTestDatabase, withDatabase, type TestDatabase } from '@advisordesk/api-database/testing';
import { DEMO_LOGINS, seedDemoIfEmpty } from '@advisordesk/api-seed';
import type { AuthTokens, Role } from '@advisordesk/shared';

/**
 * Several AdvisorDesk API processes on ONE database, as a load balancer would run them: the built
 * server (`npm run build:api`) started as child processes, each on its own port, with the same
 * configuration. Tests then talk to them over HTTP only, so whatever one process keeps to itself
 * (a counter, a cache, a timer) shows up as a difference between instances.
 */

const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
const API_MAIN = join(WORKSPACE_ROOT, 'dist/api/apps/api/src/main.js');

export interface ApiInstance {
  /** `A`, `B`, … in start order, for failure messages. */
  name: string;
  baseUrl: string;
  pid: number;
  running: () => boolean;
  /** What the process printed, for failure messages. */
  output: () => string;
  /** SIGTERM: the graceful shutdown a deploy or a scale-down sends; answers the exit code. */
  stop: () => Promise<number | null>;
  /** SIGKILL: the process dies on the spot, as on a crash or an out-of-memory kill. */
  kill: () => Promise<void>;
}

export interface Instances {
  database: TestDatabase;
  instances: ApiInstance[];
  /** The environment every instance shares (DATABASE_URL, JWT_SECRET, limits, REDIS_URL when set). */
  env: Record<string, string>;
  /** Reads the shared database directly (to check what the instances stored, e.g. `pgboss.job` rows of a job). */
  query: <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
  /** Starts one more instance on the same database with the same settings (e.g. to replace a killed one). */
  add: (extraEnv?: Record<string, string>) => Promise<ApiInstance>;
  /** Stops every instance still running (SIGTERM, SIGKILL after 10 s) and drops the database. */
  stop: () => Promise<void>;
}

/** How the instances share state in this run, for test names: through PostgreSQL only, or with Redis when `REDIS_URL` is set. */
export const sharingMode = () => (process.env.REDIS_URL ? `PostgreSQL + Redis (${process.env.REDIS_URL})` : 'PostgreSQL only');

async function startInstance(name: string, env: Record<string, string>): Promise<ApiInstance> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: WORKSPACE_ROOT,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let running = true;
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => {
      running = false;
      resolveExit(code);
    }),
  );

  const stop = async () => {
    if (!running) return exited;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timer);
    return code;
  };
  const kill = async () => {
    if (!running) return;
    child.kill('SIGKILL');
    await exited;
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!running) throw new Error(`API instance ${name} exited before it was ready:\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await kill();
      throw new Error(`API instance ${name} did not answer /api/health within 60 s:\n${output}`);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 150));
  }
  return { name, baseUrl, pid: child.pid!, running: () => running, output: () => output, stop, kill };
}

/** A database with nothing in it, on the test run's server, dropped by `drop`. */
async function createEmptyDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  const template = process.env.TEST_PG_TEMPLATE;
  if (!adminUrl || !template) throw new Error('Run through jest: the global setup prepares the test database server');
  const name = `${template.replace(/_tpl$/, '')}_empty_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  return { name, url: withDatabase(adminUrl, name), drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined) };
}

/**
 * Starts `count` API instances together on one fresh test database (copied from the migrated
 * template, with the demo users and data loaded; or, with `emptyDatabase`, one with no tables
 * that the instances migrate as they start). `REDIS_URL` is passed on when the test run has it.
 */
export async function startInstances(
  count: number,
  extraEnv: Record<string, string> = {},
  options: { emptyDatabase?: boolean } = {},
): Promise<Instances> {
  if (!existsSync(API_MAIN)) throw new Error(`the API is not built (${API_MAIN} is missing): run \`npm run build:api\` first`);
  let database: TestDatabase;
  if (options.emptyDatabase) {
    // As on a first deploy: no tables yet; the instances migrate it as they start.
    database = await createEmptyDatabase();
  } else {
    database = await createTestDatabase();
    const dataSource = new DataSource(dataSourceOptions(database.url, { extra: { max: 2 } }));
    await dataSource.initialize();
    try {
      await seedDemoIfEmpty(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    TZ: 'UTC',
    NODE_ENV: 'production',
    DATABASE_URL: database.url,
    JWT_SECRET: randomBytes(36).toString('base64url'),
    LOG_LEVEL: 'warn',
    // The test is each client's proxy: it names the client's address in X-Forwarded-For.
    TRUST_PROXY: 'loopback',
    // With Redis: keys and channels of this cluster only, so runs never see each other's counters.
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL, REDIS_PREFIX: `adk-test-${randomBytes(4).toString('hex')}:` } : {}),
    ...extraEnv,
  };
  const instances: ApiInstance[] = [];
  const add = async (more: Record<string, string> = {}) => {
    const instance = await startInstance(String.fromCharCode(65 + instances.length), { ...env, ...more });
    instances.push(instance);
    return instance;
  };
  const stop = async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    await database.drop();
  };
  try {
    // Together, as after a deploy: they start at the same moment on the same database.
    const names = Array.from({ length: count }, (_, i) => String.fromCharCode(65 + i));
    const started = await Promise.allSettled(names.map((name) => startInstance(name, env)));
    for (const outcome of started) if (outcome.status === 'fulfilled') instances.push(outcome.value);
    const failed = started.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (error) {
    await stop();
    throw error;
  }
  const query = async <T>(sql: string, params: unknown[] = []) => {
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  return { database, instances, env, query, add, stop };
}

let clients = 0;

/**
 * A public address of its own for each simulated client, sent as X-Forwarded-For: IPv6
 * documentation addresses (2001:db8::/32, never routed), each in a /64 of its own, random across
 * runs so that a limit kept in Redis by an earlier run never counts against this one.
 */
export function clientAddress(): string {
  clients++;
  return `2001:db8:${randomBytes(2).toString('hex')}:${(clients % 0x10000).toString(16)}::${randomBytes(2).toString('hex')}`;
}

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** Any request to `/api<path>` of an instance: status, headers and the parsed body (null when empty), whatever the status. */
export async function call<T = unknown>(
  instance: ApiInstance,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; from?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.from) headers['X-Forwarded-For'] = options.from;
  const response = await fetch(`${instance.baseUrl}/api${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

/** Signs in on one instance; answers the answer as it came (a test of lockouts reads the 401s and 429s). */
export function signIn(instance: ApiInstance, email: string, password: string, from = clientAddress()): Promise<Answer<AuthTokens>> {
  return call<AuthTokens>(instance, 'POST', '/auth/login', { body: { email, password }, from });
}

/** The demo user of a role (every instance's database has them). */
export function demoLogin(role: Role): (typeof DEMO_LOGINS)[number] {
  const found = DEMO_LOGINS.find((login) => login.role === role);
  if (!found) throw new Error(`no demo login for ${role}`);
  return found;
}

/** An access token of the demo admin, signed in on `instance` (any instance accepts it: they share JWT_SECRET). */
export async function adminToken(instance: ApiInstance): Promise<string> {
  const { email, password } = demoLogin('admin');
  const answer = await signIn(instance, email, password);
  if (answer.status !== 200)
    throw new Error(`the demo admin's sign-in on ${instance.name} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body.accessToken;
}

/** The background-job queues as an instance's admin jobs API reports them (`GET /api/jobs/queues`). */
export async function jobQueues<T = unknown>(instance: ApiInstance, token: string): Promise<T> {
  const answer = await call<T>(instance, 'GET', '/jobs/queues', { token });
  if (answer.status !== 200) throw new Error(`GET /api/jobs/queues on ${instance.name} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The failed (dead-lettered) jobs as an instance's admin jobs API reports them (`GET /api/jobs/failed`). */
export async function failedJobs<T = unknown>(instance: ApiInstance, token: string): Promise<T> {
  const answer = await call<T>(instance, 'GET', '/jobs/failed', { token });
  if (answer.status !== 200) throw new Error(`GET /api/jobs/failed on ${instance.name} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/**
 * Asks `check` again until it answers something other than undefined, or `withinMs` passes (then
 * answers undefined). For what another instance must see "soon": a changed setting, an event, a job done.
 */
export async function eventually<T>(check: () => Promise<T | undefined>, withinMs: number, everyMs = 50): Promise<T | undefined> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolveWait) => setTimeout(resolveWait, everyMs));
  }
}

/**
 * How many jobs of `queue` the instances hold in each state (`created`, `retry`, `active`,
 * `completed`, `cancelled`, `failed`), read from pg-boss's table in the shared database: whether a
 * schedule fired once across all instances, or a job a killed instance held ran again elsewhere.
 */
export async function jobStates(cluster: Instances, queue: string, schema = 'pgboss'): Promise<Record<string, number>> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a schema name: ${schema}`);
  const rows = await cluster.query<{ state: string; jobs: number }>(
    `SELECT state::text AS state, count(*)::int AS jobs FROM "${schema}".job WHERE name = $1 GROUP BY state`,
    [queue],
  );
  return Object.fromEntries(rows.map((row) => [row.state, row.jobs]));
}
