import type { Role } from './roles';

/**
 * The one permission table of AdvisorDesk, read by the API guards and by the admin menu.
 * `all` sees every record, `own` only records tied to the user (an advisor's leads),
 * `consented` only leads that gave marketing consent, `none` nothing (the API answers 403/404).
 */
export type Access = 'all' | 'own' | 'consented' | 'read' | 'none';

export const PERMISSIONS = {
  leads: { admin: 'all', manager: 'all', advisor: 'own', marketing: 'none' },
  leadAssignment: { admin: 'all', manager: 'all', advisor: 'none', marketing: 'none' },
  catalogue: { admin: 'all', manager: 'all', advisor: 'read', marketing: 'read' },
  shortlists: { admin: 'all', manager: 'all', advisor: 'own', marketing: 'none' },
  /** Applications, their documents and payments: with the lead (advisors their own leads'). */
  applications: { admin: 'all', manager: 'all', advisor: 'own', marketing: 'none' },
  reports: { admin: 'all', manager: 'all', advisor: 'own', marketing: 'consented' },
  exports: { admin: 'all', manager: 'all', advisor: 'none', marketing: 'consented' },
  /** The CSV export of applications: every lead's, so for those who see every application. */
  applicationExports: { admin: 'all', manager: 'all', advisor: 'none', marketing: 'none' },
  /** The log of who exported what. */
  exportLog: { admin: 'all', manager: 'all', advisor: 'none', marketing: 'none' },
  /** Lead CSV import; `own`: marketing imports and sees its own imports' history, never the leads. */
  leadImport: { admin: 'all', manager: 'all', advisor: 'none', marketing: 'own' },
  /** Bulk actions from the leads table (assign stays `leadAssignment`'s). */
  bulkActions: { admin: 'all', manager: 'all', advisor: 'own', marketing: 'none' },
  /** Merging two leads of one person. */
  leadMerge: { admin: 'all', manager: 'all', advisor: 'none', marketing: 'none' },
  /** Saved views of a list (marketing's segments too); `all` may also share one with everyone. */
  savedViews: { admin: 'all', manager: 'all', advisor: 'own', marketing: 'own' },
  /** Rights requests under the DPDP Act: the queue, verifying by a call, resolving, the access summary. */
  dataRequests: { admin: 'all', manager: 'all', advisor: 'none', marketing: 'none' },
  /** The breach register: what happened, whose data, the drafts of the notices. */
  breaches: { admin: 'all', manager: 'none', advisor: 'none', marketing: 'none' },
  /** Verifying a minor's guardian (a code to the guardian's phone, or a recorded call): whoever works the lead. */
  guardianVerification: { admin: 'all', manager: 'all', advisor: 'own', marketing: 'none' },
  users: { admin: 'all', manager: 'read', advisor: 'none', marketing: 'none' },
  settings: { admin: 'all', manager: 'none', advisor: 'none', marketing: 'none' },
  /** Background jobs: queues, failed jobs, retrying one. */
  jobs: { admin: 'all', manager: 'none', advisor: 'none', marketing: 'none' },
} as const satisfies Record<string, Record<Role, Access>>;

export type Area = keyof typeof PERMISSIONS;

export function accessOf(area: Area, role: Role): Access {
  return PERMISSIONS[area][role];
}

export function canRead(area: Area, role: Role): boolean {
  return accessOf(area, role) !== 'none';
}

export function canWrite(area: Area, role: Role): boolean {
  const access = accessOf(area, role);
  return access === 'all' || access === 'own';
}

/** Roles that may read an area; handy for `@Roles(...rolesThatCanRead('users'))`. */
export function rolesThatCanRead(area: Area): Role[] {
  return (Object.keys(PERMISSIONS[area]) as Role[]).filter((role) => canRead(area, role));
}

export function rolesThatCanWrite(area: Area): Role[] {
  return (Object.keys(PERMISSIONS[area]) as Role[]).filter((role) => canWrite(area, role));
}

/**
 * What marketing may narrow a report or an export by: segments, never a person. Reports and
 * exports must not answer "is this phone in the database?" for someone who may not read leads.
 * Names are the lead list's filters (an export also takes their `_gte`/`_lte`/`_ne`/`_like` forms).
 */
export const MARKETING_REPORT_FILTERS = ['from', 'to', 'source', 'utmSource', 'utmCampaign', 'campaign', 'level'] as const;
export const MARKETING_EXPORT_FILTERS = [
  'createdAt',
  'source',
  'utmSource',
  'utmCampaign',
  'courseInterest',
  'level',
  'mode',
  'city',
  'state',
  'status',
] as const;

/** The first query parameter outside `allowed` (by its filter name, ignoring `_gte`-style suffixes), if any. */
export function firstFilterOutside(keys: readonly string[], allowed: readonly string[]): string | undefined {
  return keys.find((key) => !allowed.includes(key.replace(/_(ne|gte|lte|like)$/, '')));
}
