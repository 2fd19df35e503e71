import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';

/** The server and template prepared by the Jest global setup (see global-setup.ts). */
function testServer(): { adminUrl: string; template: string } {
  const adminUrl = process.env.TEST_PG_ADMIN_URL;
  const template = process.env.TEST_PG_TEMPLATE;
  if (!adminUrl || !template) throw new Error('Run tests through jest (npm test): the global setup prepares the test database server');
  return { adminUrl, template };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function adminQuery<T = unknown>(sql: string, params: unknown[] = [], url = testServer().adminUrl): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

/** A fresh database for one test file, copied from the migrated template: files never share data. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { adminUrl, template } = testServer();
  const name = `${template.replace(/_tpl$/, '')}_${randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: async () => {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

/** A PostgreSQL server a test can stop and start again (same data, same port). */
export interface StoppablePostgres {
  url: (database: string) => string;
  stop: () => Promise<void>;
  start: () => Promise<void>;
}

export async function startStoppablePostgres(dataDir: string, port: number): Promise<StoppablePostgres> {
  const script = join(__dirname, 'stoppable-postgres.mjs');
  let child: ChildProcess | undefined;
  const start = async () => {
    const started = spawn(process.execPath, [script, dataDir, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
    child = started;
    await new Promise<void>((resolve, reject) => {
      started.stdout?.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      started.once('exit', (code) => reject(new Error(`the test PostgreSQL server exited with ${code}`)));
    });
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return { url: (database) => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`, stop, start };
}
