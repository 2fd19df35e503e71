import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AppError, errorOnField, queryChanged, queryOne } from '@advisordesk/api-core';
import { VERIFICATION_CODE_ATTEMPTS, VERIFICATION_CODE_LENGTH, VERIFICATION_CODE_MINUTES } from '@advisordesk/shared';
import { PrivacyErrors } from '../privacy.errors';

type Db = Pick<EntityManager, 'query'>;

/** Whom a code verifies: a rights request, or a minor's guardian (by the lead). */
export type CodeSubject = { dataRequestId: string } | { leadId: string };

const subjectColumn = (subject: CodeSubject) => ('dataRequestId' in subject ? 'data_request_id' : 'lead_id');
const subjectId = (subject: CodeSubject) => ('dataRequestId' in subject ? subject.dataRequestId : subject.leadId);

/** Six digits, uniformly random. */
export function newCode(): string {
  return String(randomInt(0, 10 ** VERIFICATION_CODE_LENGTH)).padStart(VERIFICATION_CODE_LENGTH, '0');
}

/** Stored as an HMAC under the app's secret: a copy of the database alone does not give the codes back. */
export function hashCode(secret: string, codeId: string, code: string): string {
  return createHmac('sha256', secret).update(`${codeId}:${code}`).digest('hex');
}

/**
 * One-time codes: a new one replaces the earlier ones of its subject; each lasts
 * VERIFICATION_CODE_MINUTES; five wrong tries end it. Stored only as a keyed hash.
 */
export class VerificationCodes {
  constructor(private readonly secret: string) {}

  /** A new code for the subject (earlier unused ones are spent); answers the code to send and when it expires. */
  async issue(db: Db, subject: CodeSubject, sentVia: 'whatsapp' | 'email', createdBy: string | null): Promise<{ code: string; expiresAt: Date }> {
    const column = subjectColumn(subject);
    await db.query(`UPDATE verification_codes SET used_at = now() WHERE ${column} = $1 AND used_at IS NULL`, [subjectId(subject)]);
    const code = newCode();
    // The id is made here, so the row is written once with the hash that includes it.
    const id = randomUUID();
    const row = await queryOne<{ expiresAt: Date }>(
      db,
      `INSERT INTO verification_codes (id, ${column}, code_hash, sent_via, expires_at, created_by)
       VALUES ($1, $2, $3, $4, now() + make_interval(mins => $5), $6) RETURNING expires_at AS "expiresAt"`,
      [id, subjectId(subject), hashCode(this.secret, id, code), sentVia, VERIFICATION_CODE_MINUTES, createdBy],
    );
    return { code, expiresAt: row.expiresAt };
  }

  /**
   * Checks a code against the subject's latest one, counting the try first (so two tries at once
   * both count). Right: the code is spent. Wrong: a 400 on `code` with the tries left; the fifth
   * wrong try answers `ended: true` for the caller to end what it verifies.
   */
  async check(db: Db, subject: CodeSubject, code: string): Promise<{ ok: true } | { ok: false; ended: boolean; error: AppError }> {
    const [row] = await queryChanged<{ id: string; codeHash: string; attempts: number; expired: boolean }>(
      db,
      `UPDATE verification_codes SET attempts = attempts + 1
        WHERE id = (SELECT id FROM verification_codes WHERE ${subjectColumn(subject)} = $1 AND used_at IS NULL ORDER BY created_at DESC LIMIT 1)
          AND used_at IS NULL AND attempts < $2
        RETURNING id, code_hash AS "codeHash", attempts, expires_at <= now() AS expired`,
      [subjectId(subject), VERIFICATION_CODE_ATTEMPTS],
    );
    if (!row || row.expired) return { ok: false, ended: false, error: errorOnField(PrivacyErrors.codeExpired, 'code') };
    const given = Buffer.from(hashCode(this.secret, row.id, code.trim()), 'hex');
    if (given.length === 32 && timingSafeEqual(given, Buffer.from(row.codeHash, 'hex'))) {
      await db.query(`UPDATE verification_codes SET used_at = now() WHERE id = $1`, [row.id]);
      return { ok: true };
    }
    const left = VERIFICATION_CODE_ATTEMPTS - row.attempts;
    if (left <= 0) {
      await db.query(`UPDATE verification_codes SET used_at = now() WHERE id = $1`, [row.id]);
      return { ok: false, ended: true, error: errorOnField(PrivacyErrors.tooManyWrongCodes, 'code') };
    }
    const message = `${PrivacyErrors.wrongCode.message}: ${left} ${left === 1 ? 'try' : 'tries'} left`;
    return { ok: false, ended: false, error: errorOnField(PrivacyErrors.wrongCode, 'code', message) };
  }
}
