import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Word search over programs and universities (trigram indexes), the time a fee structure was last
 * written in the panel (an import never replaces it silently), and a phone number for staff (the
 * "Talk to your advisor" links of the public comparison page).
 */
export class CatalogueDailyUse1764401300000 implements MigrationInterface {
  name = 'CatalogueDailyUse1764401300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`ALTER TABLE fee_structures ADD COLUMN panel_edited_at timestamptz`);
    // Fee structures edited in the panel so far: their last revision's time.
    await q.query(`
      UPDATE fee_structures f SET panel_edited_at = r.changed_at
        FROM (SELECT fee_structure_id, max(changed_at) AS changed_at FROM fee_structure_revisions GROUP BY fee_structure_id) r
       WHERE r.fee_structure_id = f.id`);
    await q.query(`ALTER TABLE users ADD COLUMN phone text CHECK (phone ~ '^\\+[1-9][0-9]{6,14}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN phone`);
    await q.query(`ALTER TABLE fee_structures DROP COLUMN panel_edited_at`);
  }
}
