import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The timeline's entry types as of the previous migration (applications). */
const TYPES = `'inquiry', 'note', 'call', 'whatsapp', 'status_change', 'assignment', 'task', 'shortlist', 'comparison', 'consent', 'profile',
  'erasure', 'transfer_request', 'application'`;

/**
 * Merging two leads: the merged-away lead's phones live on in the survivor's `alternate_phones`
 * (E.164), so an inquiry, a WhatsApp message or a new lead from one of them finds the survivor.
 * The GIN index answers `alternate_phones @> ARRAY[$phone]` (intake, WhatsApp, the phone checks,
 * a search by a whole number), with `fastupdate` off so lookups never scan a pending list (merges,
 * which write it, are rare). `leads_email_idx` finds a lead's likely duplicates by the same email
 * (stored in lower case) without a trigram scan. `merged_unsubscribe_tokens` keeps the links
 * already sent to a merged-away lead working: they withdraw consent on the survivor. A `merge`
 * entry on the timeline says who merged which lead into the survivor.
 */
export class LeadMerge1764402500000 implements MigrationInterface {
  name = 'LeadMerge1764402500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE leads ADD COLUMN alternate_phones text[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX leads_alternate_phones_idx ON leads USING gin (alternate_phones) WITH (fastupdate = off)`);
    await q.query(`CREATE INDEX leads_email_idx ON leads (email) WHERE email IS NOT NULL AND erased_at IS NULL`);
    await q.query(`ALTER TABLE leads ADD COLUMN merged_unsubscribe_tokens text[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX leads_merged_unsubscribe_tokens_idx ON leads USING gin (merged_unsubscribe_tokens) WITH (fastupdate = off)`);
    await q.query(`ALTER TABLE activities DROP CONSTRAINT activities_type_check`);
    await q.query(`ALTER TABLE activities ADD CONSTRAINT activities_type_check CHECK (type IN (${TYPES}, 'merge'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM activities WHERE type = 'merge'`);
    await q.query(`ALTER TABLE activities DROP CONSTRAINT activities_type_check`);
    await q.query(`ALTER TABLE activities ADD CONSTRAINT activities_type_check CHECK (type IN (${TYPES}))`);
    await q.query(`DROP INDEX leads_merged_unsubscribe_tokens_idx`);
    await q.query(`ALTER TABLE leads DROP COLUMN merged_unsubscribe_tokens`);
    await q.query(`DROP INDEX leads_email_idx`);
    await q.query(`DROP INDEX leads_alternate_phones_idx`);
    await q.query(`ALTER TABLE leads DROP COLUMN alternate_phones`);
  }
}
