import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'lead.assigned', 'followup.due', 'followup.overdue', 'whatsapp.reply', 'application.deadline', 'document.uploaded', 'lead.uncontacted'`;
const TYPES = `'inquiry', 'note', 'call', 'whatsapp', 'status_change', 'assignment', 'task', 'shortlist', 'comparison', 'consent', 'profile',
  'erasure', 'transfer_request', 'application', 'merge'`;

/**
 * Data protection (DPDP Act 2023, Rules 2025):
 * - `data_requests`: rights requests made on `/privacy` (access, correction, erasure, withdrawal,
 *   nomination), verified by a one-time code or a staff call, answered by a due date.
 * - `verification_codes`: one-time codes, stored hashed, for a data request or a minor's guardian;
 *   five wrong tries end them.
 * - leads: `guardian_verified_at/_by_id` (a minor's lead is contact-only until set) and
 *   `retention_warned_at` (the 48-hour warning before a retention erasure).
 * - `retention_runs`: what each retention run warned and erased, kept for reports.
 * - `breaches` and `breach_leads`: the breach register and whose data each breach concerned.
 * - the timeline's `privacy` entries: a rights request received or answered, a guardian verified;
 *   the bell's `privacy.request`: a verified request for managers and admins to answer.
 */
export class DataProtection1764402800000 implements MigrationInterface {
  name = 'DataProtection1764402800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activities DROP CONSTRAINT activities_type_check`);
    await q.query(`ALTER TABLE activities ADD CONSTRAINT activities_type_check CHECK (type IN (${TYPES}, 'privacy'))`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${KINDS}, 'privacy.request'))`);
    await q.query(`
      ALTER TABLE leads
        ADD COLUMN guardian_verified_at timestamptz,
        ADD COLUMN guardian_verified_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        ADD COLUMN retention_warned_at timestamptz`);
    await q.query(`
      CREATE TABLE data_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('access', 'correction', 'erasure', 'withdrawal', 'nomination')),
        status text NOT NULL DEFAULT 'unverified' CHECK (status IN ('unverified', 'open', 'done', 'refused')),
        verification text NOT NULL CHECK (verification IN ('whatsapp', 'email', 'staff')),
        phone text,
        lead_id uuid REFERENCES leads (id) ON DELETE SET NULL,
        message text CHECK (length(message) <= 2000),
        nominee jsonb,
        due_at timestamptz,
        verified_at timestamptz,
        verified_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        resolved_at timestamptz,
        resolved_by_id uuid REFERENCES users (id) ON DELETE SET NULL,
        outcome text CHECK (outcome IN ('done', 'refused')),
        note text CHECK (length(note) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX data_requests_queue_idx ON data_requests (status, due_at)`);
    await q.query(`CREATE INDEX data_requests_lead_idx ON data_requests (lead_id) WHERE lead_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE verification_codes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        data_request_id uuid REFERENCES data_requests (id) ON DELETE CASCADE,
        lead_id uuid REFERENCES leads (id) ON DELETE CASCADE,
        code_hash text NOT NULL,
        sent_via text NOT NULL CHECK (sent_via IN ('whatsapp', 'email')),
        attempts int NOT NULL DEFAULT 0,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((data_request_id IS NULL) <> (lead_id IS NULL))
      )`);
    await q.query(
      `CREATE INDEX verification_codes_request_idx ON verification_codes (data_request_id, created_at DESC) WHERE data_request_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX verification_codes_lead_idx ON verification_codes (lead_id, created_at DESC) WHERE lead_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE retention_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        ran_at timestamptz NOT NULL DEFAULT now(),
        warned int NOT NULL DEFAULT 0,
        erased_inactive int NOT NULL DEFAULT 0,
        erased_enrolled int NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX retention_runs_ran_at_idx ON retention_runs (ran_at DESC)`);
    await q.query(`
      CREATE TABLE breaches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        discovered_at timestamptz NOT NULL,
        description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 5000),
        data_concerned text NOT NULL CHECK (length(btrim(data_concerned)) BETWEEN 1 AND 2000),
        measures text NOT NULL CHECK (length(measures) <= 5000),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'reported', 'closed')),
        reported_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users (id) ON DELETE SET NULL,
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`
      CREATE TABLE breach_leads (
        breach_id uuid NOT NULL REFERENCES breaches (id) ON DELETE CASCADE,
        lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        PRIMARY KEY (breach_id, lead_id)
      )`);
    await q.query(`CREATE INDEX breach_leads_lead_idx ON breach_leads (lead_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE breach_leads`);
    await q.query(`DROP TABLE breaches`);
    await q.query(`DROP TABLE retention_runs`);
    await q.query(`DROP TABLE verification_codes`);
    await q.query(`DROP TABLE data_requests`);
    await q.query(`DELETE FROM notifications WHERE kind = 'privacy.request'`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (${KINDS}))`);
    await q.query(`DELETE FROM activities WHERE type = 'privacy'`);
    await q.query(`ALTER TABLE activities DROP CONSTRAINT activities_type_check`);
    await q.query(`ALTER TABLE activities ADD CONSTRAINT activities_type_check CHECK (type IN (${TYPES}))`);
    await q.query(`ALTER TABLE leads DROP COLUMN retention_warned_at, DROP COLUMN guardian_verified_by_id, DROP COLUMN guardian_verified_at`);
  }
}
