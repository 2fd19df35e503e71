import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Measured at a million leads: every index on `leads` is paid on every intake. Name and email
 * search share one trigram index; the creation-order index also covers the report columns; GIN
 * indexes update in place (no pending list flushed in the middle of someone's request).
 */
export class LeanerLeadIndexes1764400600000 implements MigrationInterface {
  name = 'LeanerLeadIndexes1764400600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX leads_name_trgm_idx`);
    await q.query(`DROP INDEX leads_email_trgm_idx`);
    await q.query(
      `CREATE INDEX leads_search_trgm_idx ON leads USING gin ((full_name || ' ' || COALESCE(email, '')) gin_trgm_ops) WITH (fastupdate = off)`,
    );
    await q.query(`ALTER INDEX leads_phone_trgm_idx SET (fastupdate = off)`);
    await q.query(`DROP INDEX leads_report_idx`);
    await q.query(`DROP INDEX leads_created_idx`);
    // The list's default order (newest first, stable) and the reports' cohort scans, in one index.
    await q.query(`
      CREATE INDEX leads_created_idx ON leads (created_at DESC, id DESC)
        INCLUDE (status, max_stage, advisor_id, source, utm_source, utm_campaign, level, first_contacted_at, enrolled_at, erased_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX leads_created_idx`);
    await q.query(`CREATE INDEX leads_created_idx ON leads (created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX leads_report_idx ON leads (created_at) INCLUDE (status, max_stage, advisor_id, source, utm_source, utm_campaign, level, first_contacted_at, enrolled_at)`,
    );
    await q.query(`ALTER INDEX leads_phone_trgm_idx SET (fastupdate = on)`);
    await q.query(`DROP INDEX leads_search_trgm_idx`);
    await q.query(`CREATE INDEX leads_name_trgm_idx ON leads USING gin (full_name gin_trgm_ops)`);
    await q.query(`CREATE INDEX leads_email_trgm_idx ON leads USING gin (email gin_trgm_ops)`);
  }
}
