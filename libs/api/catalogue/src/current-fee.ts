import { istDate } from '@advisordesk/shared';
import type { Queryable } from '@advisordesk/api-core';

/**
 * The one way a fee structure stops being current: a new one for the same program and session
 * replaces it. The old one stays as history, valid to the day before the new one starts (its
 * `validFrom`, or today in India), never before its own `validFrom` (the table's CHECK), and an
 * end date it already had is kept.
 */
export async function supersedeCurrentFee(db: Queryable, programId: string, session: string, newValidFrom: string | null = null): Promise<void> {
  await db.query(
    `UPDATE fee_structures SET is_current = false, valid_to = COALESCE(valid_to, GREATEST($3::date - 1, valid_from)), updated_at = now()
      WHERE program_id = $1 AND session = $2 AND is_current`,
    [programId, session, newValidFrom ?? istDate()],
  );
}
