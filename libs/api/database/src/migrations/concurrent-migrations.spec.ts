import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { adminQuery, withDatabase } from '../testing';
import { runMigrations } from '../data-source';
import { MIGRATIONS } from '.';

describe('migrations when several instances start at once', () => {
  it('two instances migrating an empty database together both start, and each migration is applied once', async () => {
    const adminUrl = process.env.TEST_PG_ADMIN_URL!;
    const name = `${process.env.TEST_PG_TEMPLATE!.replace(/_tpl$/, '')}_empty_${randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const url = withDatabase(adminUrl, name);
    try {
      const [first, second] = await Promise.all([runMigrations(url), runMigrations(url)]);
      // One instance ran them all; the other waited its turn and found nothing left to do.
      expect([first.length, second.length].sort((a, b) => a - b)).toEqual([0, MIGRATIONS.length]);
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<{ name: string; times: number }>(
          `SELECT name, count(*)::int AS times FROM schema_migrations GROUP BY name ORDER BY name`,
        );
        expect(rows).toHaveLength(MIGRATIONS.length);
        expect(rows.every((row) => row.times === 1)).toBe(true);
      } finally {
        await client.end();
      }
    } finally {
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
