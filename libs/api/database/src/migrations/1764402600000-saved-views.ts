import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved views: a list's query string (filters, sort, columns) saved by name, per user and list
 * (`resource`: leads, applications, tasks, or marketing's `segments`), optionally shared with everyone.
 * A name is unique per user and list whatever its case; `saved_views_visible_idx` serves
 * "mine or shared" for one list.
 */
export class SavedViews1764402600000 implements MigrationInterface {
  name = 'SavedViews1764402600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saved_views (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 80),
        resource text NOT NULL CHECK (resource IN ('leads', 'applications', 'tasks', 'segments')),
        query text NOT NULL CHECK (length(query) <= 2000),
        shared boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX saved_views_name_idx ON saved_views (user_id, resource, lower(name))`);
    await q.query(`CREATE INDEX saved_views_visible_idx ON saved_views (resource, shared, user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE saved_views`);
  }
}
