import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who exported which lead list, when, and how many rows; and the indexes reports rely on. */
export class ExportsAndReportIndexes1764400300000 implements MigrationInterface {
  name = 'ExportsAndReportIndexes1764400300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE exports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        kind text NOT NULL DEFAULT 'leads',
        filters jsonb NOT NULL DEFAULT '{}',
        row_count integer,
        status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX exports_started_idx ON exports (started_at DESC)`);
    // Funnel and conversion reports over a creation-date cohort read only these columns:
    // an index-only scan covers them without touching the table's wide rows.
    await q.query(`
      CREATE INDEX leads_report_idx ON leads (created_at)
        INCLUDE (status, max_stage, advisor_id, source, utm_source, utm_campaign, level, first_contacted_at, enrolled_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX leads_report_idx`);
    await q.query(`DROP TABLE exports`);
  }
}
