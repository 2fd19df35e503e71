import type { MigrationInterface, QueryRunner } from 'typeorm';

/** New website leads are assigned in batches after intake; this marks the ones still waiting. */
export class AssignmentQueue1764400500000 implements MigrationInterface {
  name = 'AssignmentQueue1764400500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leads ADD COLUMN awaiting_assignment boolean NOT NULL DEFAULT false`);
    // Normally empty within milliseconds: the sweep after a crash reads it.
    await q.query(`CREATE INDEX leads_awaiting_assignment_idx ON leads (created_at) WHERE awaiting_assignment`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX leads_awaiting_assignment_idx`);
    await q.query(`ALTER TABLE leads DROP COLUMN awaiting_assignment`);
  }
}
