import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who last changed a lead, so a stale edit (409) can say who it was. Null for changes by the system (intake, automatic assignment). */
export class LeadUpdatedBy1764401400001 implements MigrationInterface {
  name = 'LeadUpdatedBy1764401400001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leads ADD COLUMN updated_by uuid REFERENCES users(id) ON DELETE SET NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leads DROP COLUMN updated_by`);
  }
}
