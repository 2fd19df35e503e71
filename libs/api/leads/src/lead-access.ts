import type { AuthUser } from '@advisordesk/api-auth';
import { accessOf } from '@advisordesk/shared';

/**
 * Row-level access to leads, from the one permission table: `all` sees every lead, `own` only
 * leads assigned to the user. Answers a SQL condition on alias `l` using the next placeholder.
 */
export function leadVisibility(user: AuthUser, nextParam: number): { sql: string; params: unknown[] } {
  const access = accessOf('leads', user.role);
  if (access === 'all') return { sql: 'TRUE', params: [] };
  if (access === 'own') return { sql: `l.advisor_id = $${nextParam}`, params: [user.id] };
  return { sql: 'FALSE', params: [] };
}
