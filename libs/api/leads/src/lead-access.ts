import type { AuthUser } from '@advisordesk/api-auth';
import { accessOf } from '@advisordesk/shared';
import type { ParsedList } from '@advisordesk/api-core';

/** The areas of the permission table that read leads: the leads themselves, report figures, CSV exports. */
export type LeadArea = 'leads' | 'reports' | 'exports';

/**
 * What `consented` access means where it is given: marketing's figures count every lead (their
 * filters are narrowed to segments elsewhere); marketing's exports hold adults who agreed to
 * marketing (DPDP: no targeting of children).
 */
const CONSENTED: Record<LeadArea, string> = {
  leads: 'FALSE',
  reports: 'TRUE',
  exports: '(l.consent_marketing AND NOT l.is_minor)',
};

/** The advisor whose leads are the only ones this user may see in `area` (an advisor: their own), or null when not one advisor's. */
export function onlyLeadsOf(user: AuthUser, area: LeadArea = 'leads'): string | null {
  return accessOf(area, user.role) === 'own' ? user.id : null;
}

/**
 * Row-level access to leads, from the one permission table: `all` sees every lead, `own` only
 * leads assigned to the user, `consented` what CONSENTED says, `none` nothing. Answers a SQL
 * condition on alias `l` using the next placeholder.
 */
export function leadVisibility(user: AuthUser, nextParam: number, area: LeadArea = 'leads'): { sql: string; params: unknown[] } {
  const access = accessOf(area, user.role);
  if (access === 'all') return { sql: 'TRUE', params: [] };
  if (access === 'own') return { sql: `l.advisor_id = $${nextParam}`, params: [onlyLeadsOf(user, area)] };
  if (access === 'consented') return { sql: CONSENTED[area], params: [] };
  return { sql: 'FALSE', params: [] };
}

/** Narrows a parsed lead list (alias `l`) to the leads the user may see in `area`. */
export function limitToVisibleLeads(list: ParsedList, user: AuthUser, area: LeadArea = 'leads'): ParsedList {
  const visibility = leadVisibility(user, list.params.length + 1, area);
  if (visibility.sql !== 'TRUE') {
    list.where.push(visibility.sql);
    list.params.push(...visibility.params);
  }
  return list;
}
