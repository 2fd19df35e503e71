import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rate-limit counters shared by every instance of the API (rate-limiter-flexible's PostgreSQL
 * store, told the table exists): `key` is the limit's name and a hash of the address or account,
 * `expire` the end of the window in epoch milliseconds. Unlogged: counters need no crash safety
 * and skip the write-ahead log on the intake's hot path. Expired rows are deleted now and then.
 */
export class RateLimits1764401700000 implements MigrationInterface {
  name = 'RateLimits1764401700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNLOGGED TABLE rate_limits (key text PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`);
    await q.query(`CREATE INDEX rate_limits_expire ON rate_limits (expire)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rate_limits`);
  }
}
