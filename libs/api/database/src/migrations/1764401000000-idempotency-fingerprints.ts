import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An `Idempotency-Key` belongs to the request it came with: the same key with another body is a
 * 422, not the first person's answer. Keys are kept 24 hours; the expiry index lets each keyed
 * request clear a few expired ones cheaply.
 */
export class IdempotencyFingerprints1764401000000 implements MigrationInterface {
  name = 'IdempotencyFingerprints1764401000000';

  async up(q: QueryRunner): Promise<void> {
    // Keys stored before had no fingerprint: they cannot be told apart, so they go.
    await q.query(`DELETE FROM idempotency_keys`);
    await q.query(`ALTER TABLE idempotency_keys ADD COLUMN fingerprint text NOT NULL`);
    await q.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idempotency_keys_created_idx`);
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN fingerprint`);
  }
}
