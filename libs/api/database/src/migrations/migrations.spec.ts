import { createTestDatabase } from '../testing';
import { revertAllMigrations, runMigrations } from '../data-source';
import { MIGRATIONS } from '.';
import { Client } from 'pg';

describe('migrations', () => {
  it('every migration reverts cleanly and applies again', async () => {
    const database = await createTestDatabase();
    try {
      expect(await revertAllMigrations(database.url)).toBe(MIGRATIONS.length);
      const client = new Client({ connectionString: database.url });
      await client.connect();
      const tables = await client.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
      );
      await client.end();
      expect(tables.rows).toEqual([]);
      expect(await runMigrations(database.url)).toHaveLength(MIGRATIONS.length);
    } finally {
      await database.drop();
    }
  });
});
