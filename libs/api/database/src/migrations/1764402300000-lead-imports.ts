import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lead CSV imports: `lead_imports` records who imported which file and what came of it (an import
 * refused for a wrong row is recorded too, with nothing created); `inquiries.import_id` ties each
 * inquiry an import added to it, so the timeline says "Imported from <file> by <user>".
 */
export class LeadImports1764402300000 implements MigrationInterface {
  name = 'LeadImports1764402300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lead_imports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        file_name text NOT NULL,
        rows int NOT NULL DEFAULT 0,
        created int NOT NULL DEFAULT 0,
        existing int NOT NULL DEFAULT 0,
        failed int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    // The history, newest first, and marketing's own.
    await q.query(`CREATE INDEX lead_imports_created_idx ON lead_imports (created_at DESC)`);
    await q.query(`CREATE INDEX lead_imports_user_idx ON lead_imports (user_id, created_at DESC)`);
    await q.query(`ALTER TABLE inquiries ADD COLUMN import_id uuid REFERENCES lead_imports (id)`);
    await q.query(`CREATE INDEX inquiries_import_idx ON inquiries (import_id) WHERE import_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE inquiries DROP COLUMN import_id`);
    await q.query(`DROP TABLE lead_imports`);
  }
}
