import { Client, types } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';

// bigint (counts, paise) as a JS number: every value we store is far below 2^53.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // JIT compiles big plans in ~100 ms, more than the report queries it was meant to speed up save.
    // A database that does not answer a connection within 5 s is treated as down (503), not waited on.
    extra: { max: 20, application_name: 'advisordesk', options: '-c jit=off', connectionTimeoutMillis: 5_000 },
    ...extra,
  } as DataSourceOptions;
}

/** The advisory-lock key every AdvisorDesk instance takes around its migrations (any constant; this one spells "adk-migr"). */
export const MIGRATION_LOCK_KEY = '7017851962203400050';

/**
 * Runs pending migrations with a short-lived connection; answers the names it ran. Several
 * instances starting at once on one database take turns: each holds a PostgreSQL advisory lock
 * on a connection of its own while it migrates, so the next one waits, then finds nothing to do.
 * The lock goes with that connection, so an instance that dies mid-migration never leaves it held.
 */
export async function runMigrations(url: string): Promise<string[]> {
  const lock = new Client({ connectionString: url, application_name: 'advisordesk-migrations' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
    const dataSource = new DataSource(dataSourceOptions(url, { extra: { max: 2 } }));
    await dataSource.initialize();
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      return ran.map((m) => m.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lock.end();
  }
}

/** Reverts every migration (used by the test that proves migrations are reversible). */
export async function revertAllMigrations(url: string): Promise<number> {
  const dataSource = new DataSource(dataSourceOptions(url, { extra: { max: 2 } }));
  await dataSource.initialize();
  let reverted = 0;
  try {
    while ((await dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM schema_migrations`))[0].n > 0) {
      await dataSource.undoLastMigration({ transaction: 'each' });
      reverted++;
    }
  } finally {
    await dataSource.destroy();
  }
  return reverted;
}
