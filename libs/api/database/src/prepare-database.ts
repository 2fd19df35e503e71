import { join } from 'node:path';
import { defaultDataDir, demoJwtSecret, ensureDatabase, startEmbeddedPostgres } from './embedded-postgres';
import { runMigrations } from './data-source';

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  migrated: string[];
  stop: () => Promise<void>;
}

export const EMBEDDED_DEFAULT_PORT = 54329;

/**
 * `DATABASE_URL` set: use that server. Unset: start the embedded PostgreSQL (data under the
 * project, port 54329 unless `EMBEDDED_PG_PORT`), and fill in `DATABASE_URL` and a demo JWT secret.
 * Either way, run the pending migrations.
 */
export async function prepareDatabase(env: NodeJS.ProcessEnv = process.env): Promise<PreparedDatabase> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embedded: false, migrated: await runMigrations(env.DATABASE_URL), stop: async () => undefined };
  }
  const dataDir = env.ADVISORDESK_DATA_DIR ?? defaultDataDir();
  const port = Number(env.EMBEDDED_PG_PORT ?? EMBEDDED_DEFAULT_PORT);
  let server;
  try {
    server = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port });
  } catch (error) {
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${port} (data in ${dataDir}): ${(error as Error).message}. Is another AdvisorDesk running? Set EMBEDDED_PG_PORT or DATABASE_URL.`,
    );
  }
  await ensureDatabase(server.url('postgres'), 'advisordesk');
  const url = server.url('advisordesk');
  env.DATABASE_URL = url;
  env.ADVISORDESK_EMBEDDED = 'true';
  env.JWT_SECRET ??= demoJwtSecret(dataDir);
  return { url, embedded: true, migrated: await runMigrations(url), stop: server.stop };
}
