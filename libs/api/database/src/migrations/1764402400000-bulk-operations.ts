import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk actions on leads that run in the background (`POST /api/leads/bulk` past one chunk, or by
 * filter). `lead_ids` (and `lead_versions`, the versions counted) are fixed when the operation is
 * submitted, so what runs is what the user confirmed; `processed` moves one chunk (one transaction)
 * at a time, so a retried run carries on from there. `skipped` holds `[{id, reason}]`.
 */
export class BulkOperations1764402400000 implements MigrationInterface {
  name = 'BulkOperations1764402400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE bulk_operations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        action text NOT NULL CHECK (action IN ('assign', 'status', 'followUp', 'note')),
        params jsonb NOT NULL DEFAULT '{}',
        lead_ids uuid[] NOT NULL,
        lead_versions int[],
        total int NOT NULL,
        processed int NOT NULL DEFAULT 0,
        updated int NOT NULL DEFAULT 0,
        skipped jsonb NOT NULL DEFAULT '[]',
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CHECK (lead_versions IS NULL OR cardinality(lead_versions) = cardinality(lead_ids)),
        CHECK (processed BETWEEN 0 AND total)
      )`);
    await q.query(`CREATE INDEX bulk_operations_user_idx ON bulk_operations (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE bulk_operations`);
  }
}
