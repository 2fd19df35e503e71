import { formatIstDateTime } from '@advisordesk/shared';
import { AppError, queryMaybeOne, type ErrorCode, type Queryable } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';

/** The records whose edits are optimistic and remember who made the last one (`updated_at`, `updated_by`). */
const NOUNS = { leads: 'lead', applications: 'application' } as const;

/**
 * The 409 for an edit made on an old version: who changed the record last and when, so the person
 * knows whether it was their other window or a colleague (`details.updatedBy`, `details.updatedAt`).
 * `notFound` when the record is gone.
 */
export async function staleVersionError(
  db: Queryable,
  table: keyof typeof NOUNS,
  id: string,
  user: Pick<AuthUser, 'id'>,
  errors: { staleVersion: ErrorCode; notFound: ErrorCode },
): Promise<AppError> {
  const last = await queryMaybeOne<{ updatedAt: Date; byId: string | null; byName: string | null }>(
    db,
    `SELECT r.updated_at AS "updatedAt", u.id AS "byId", u.name AS "byName" FROM ${table} r LEFT JOIN users u ON u.id = r.updated_by WHERE r.id = $1`,
    [id],
  );
  if (!last) return new AppError(errors.notFound);
  const noun = NOUNS[table];
  const at = formatIstDateTime(last.updatedAt, { relative: false });
  const message =
    last.byId === user.id
      ? `You changed this ${noun} in another window at ${at}: reload it`
      : `This ${noun} changed in another window or by ${last.byName ?? 'someone else'} at ${at}: reload it`;
  const updatedBy = last.byId ? { id: last.byId, name: last.byName ?? '' } : null;
  return new AppError(errors.staleVersion, undefined, message, { updatedBy, updatedAt: last.updatedAt });
}
