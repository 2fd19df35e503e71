import { getConstructionPlans, getUninstallPlans } from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The schema pg-boss keeps its queues, jobs and schedules in. */
export const JOBS_SCHEMA = 'pgboss';

/**
 * Background jobs on PostgreSQL (pg-boss): its schema is created here, with ours, so every
 * instance starts pg-boss without migrating (`migrate: false`) and nothing races at start. The SQL
 * is pg-boss's own; its BEGIN/COMMIT are left out because this migration runs in a transaction.
 * A later pg-boss release that changes its schema needs a migration with `getMigrationPlans`.
 */
export class Jobs1764401600000 implements MigrationInterface {
  name = 'Jobs1764401600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(withoutTransaction(getConstructionPlans(JOBS_SCHEMA)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(getUninstallPlans(JOBS_SCHEMA));
    await q.query(`DROP SCHEMA IF EXISTS ${JOBS_SCHEMA} CASCADE`);
  }
}

function withoutTransaction(sql: string): string {
  return sql.replace(/^\s*BEGIN;\s*$/m, '').replace(/^\s*COMMIT;\s*$/m, '');
}
