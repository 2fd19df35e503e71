import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@advisordesk/api-database';
import { adminQuery, createTestDatabase, withDatabase, type TestDatabase } from '@advisordesk/api-database/testing';
import { seedDemoIfEmpty } from '@advisordesk/api-seed';
import { CloudApiStandIn } from '@advisordesk/api-whatsapp/testing';

export const WORKSPACE_ROOT = resolve(__dirname, '../../../..');
const API_MAIN = join(WORKSPACE_ROOT, 'dist/api/apps/api/src/main.js');
const ADMIN_DIST = join(WORKSPACE_ROOT, 'dist/admin');

export interface RunningServer {
  baseUrl: string;
  /** The server's own database, for a test that sets up what no screen can (a failed background job). */
  databaseUrl: string;
  /** What the API printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * A database of its own with the demo data, copied from a demo template made once per run: the
 * demo seed (argon2id passwords, hundreds of document files) costs seconds, a copy a fraction of one.
 * The template is named after the run's migrated template, so the run's teardown drops it too; an
 * advisory lock makes the first test file of each parallel worker wait for one seed, not make two.
 */
async function demoDatabase(): Promise<TestDatabase> {
  const template = process.env.TEST_PG_TEMPLATE;
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  if (!template || !adminUrl) throw new Error('Run the browser tests through jest: the global setup prepares the database server');
  const demo = template.replace(/_tpl$/, '_demo');
  const lock = new Client({ connectionString: adminUrl });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext($1))`, [demo]);
    const exists = await lock.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [demo]);
    if (!exists.rowCount) {
      const seeded = await createTestDatabase();
      const dataSource = new DataSource(dataSourceOptions(seeded.url, { extra: { max: 2 } }));
      await dataSource.initialize();
      try {
        await seedDemoIfEmpty(dataSource);
      } finally {
        await dataSource.destroy();
      }
      await adminQuery(`ALTER DATABASE "${seeded.name}" RENAME TO "${demo}"`);
    }
  } finally {
    await lock.end(); // the session's end releases the lock
  }
  const name = `${demo}_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${demo}"`);
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/**
 * Starts the built API (which serves the built admin panel at `/`) as a child process, on a fresh
 * database of its own with the demo users loaded, and answers once `GET /api/health` is OK.
 */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  for (const [path, hint] of [
    [API_MAIN, 'the API is not built'],
    [join(ADMIN_DIST, 'index.html'), 'the admin panel is not built'],
  ]) {
    if (!existsSync(path)) throw new Error(`${hint} (${path} is missing): run \`npm run build\` first`);
  }

  const database = await demoDatabase();

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: WORKSPACE_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      TZ: 'UTC',
      NODE_ENV: 'production',
      DATABASE_URL: database.url,
      JWT_SECRET: randomBytes(36).toString('base64url'),
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ADMIN_DIST_DIR: ADMIN_DIST,
      // Both viewports sign in several times from one address within a minute.
      LOGIN_RATE_LIMIT: '200',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  let running = true;
  void exited.then(() => (running = false));

  const stop = async () => {
    if (running) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    await database.drop();
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (!running) {
      await stop();
      throw new Error(`The API exited before it was ready:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The API did not answer /api/health within 60 s:\n${output}`);
    }
    await new Promise((resolveWait) => setTimeout(resolveWait, 150));
  }

  return { baseUrl, databaseUrl: database.url, output: () => output, stop };
}

/** A test server with WhatsApp connected to a stand-in of Meta's Cloud API; `stop` ends both. */
export async function startServerWithWhatsapp(): Promise<RunningServer & { standIn: CloudApiStandIn }> {
  const standIn = await CloudApiStandIn.start();
  try {
    const server = await startServer(standIn.env());
    return { ...server, standIn, stop: () => server.stop().finally(() => standIn.close()) };
  } catch (error) {
    await standIn.close();
    throw error;
  }
}
