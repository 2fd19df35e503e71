import type { MigrationInterface, QueryRunner } from 'typeorm';

const TYPES = `'inquiry', 'note', 'call', 'whatsapp', 'status_change', 'assignment', 'task', 'shortlist', 'comparison', 'consent', 'profile', 'erasure'`;

/**
 * An advisor who finds a phone already someone's lead asks for it: the owner or a manager approves
 * (the lead moves) or declines. One open request per lead and requester; requests are on the
 * lead's timeline (`transfer_request`).
 */
export class LeadTransferRequests1764401100000 implements MigrationInterface {
  name = 'LeadTransferRequests1764401100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE lead_transfer_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        lead_id uuid NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
        requested_by uuid NOT NULL REFERENCES users (id),
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by uuid REFERENCES users (id),
        outcome text CHECK (outcome IN ('approved', 'declined')),
        resolution_note text,
        CONSTRAINT resolved_has_outcome CHECK ((resolved_at IS NULL) = (outcome IS NULL) AND (resolved_at IS NULL) = (resolved_by IS NULL))
      )`);
    // One open request per lead and requester; also the lookup of a lead's open requests.
    await q.query(`CREATE UNIQUE INDEX lead_transfer_requests_open_idx ON lead_transfer_requests (lead_id, requested_by) WHERE resolved_at IS NULL`);
    await q.query(`CREATE INDEX lead_transfer_requests_requester_idx ON lead_transfer_requests (requested_by) WHERE resolved_at IS NULL`);
    await q.query(`ALTER TABLE activities DROP CONSTRAINT activities_type_check`);
    await q.query(`ALTER TABLE activities ADD CONSTRAINT activities_type_check CHECK (type IN (${TYPES}, 'transfer_request'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM activities WHERE type = 'transfer_request'`);
    await q.query(`ALTER TABLE activities DROP CONSTRAINT activities_type_check`);
    await q.query(`ALTER TABLE activities ADD CONSTRAINT activities_type_check CHECK (type IN (${TYPES}))`);
    await q.query(`DROP TABLE lead_transfer_requests`);
  }
}
