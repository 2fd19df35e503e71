import type { AccessControlProvider } from '@refinedev/core';
import { canRead, canWrite, isRole, ROLE_LABELS, type Area } from '@advisordesk/shared';

const READ_ACTIONS = new Set(['list', 'show', 'read', 'field']);
/** Pages that only change data, so even opening one is a write (the CSV import adds to the catalogue). */
const WRITE_ONLY_RESOURCES = new Set(['catalogue-import']);

export interface AccessControlOptions {
  /** The signed-in user's role, if any. */
  roleOf: () => unknown;
  /** The `PERMISSIONS` row of a resource: null for every signed-in user, undefined for an unknown resource. */
  areaOf: (resource: string | undefined) => Area | null | undefined;
}

/**
 * Who may do what, straight from `PERMISSIONS` in @advisordesk/shared (the table the API guards
 * read too), so the menu, the routes and the buttons show only what the signed-in role may use.
 * The API stays the authority: this only hides what would be refused.
 */
export function createAccessControlProvider({ roleOf, areaOf }: AccessControlOptions): AccessControlProvider {
  return {
    can: async ({ resource, action }) => {
      const role = roleOf();
      if (!isRole(role)) return { can: false, reason: 'Sign in to continue' };
      const area = areaOf(resource);
      if (area === null) return { can: true };
      if (area === undefined) return { can: false, reason: 'Unknown area' };
      const reads = READ_ACTIONS.has(action) && !WRITE_ONLY_RESOURCES.has(resource ?? '');
      const allowed = reads ? canRead(area, role) : canWrite(area, role);
      return allowed ? { can: true } : { can: false, reason: `The ${ROLE_LABELS[role]} role may not do this` };
    },
    options: {
      buttons: { enableAccessControl: true, hideIfUnauthorized: true },
      // The role only changes with a new session, and a new session reloads these.
      queryOptions: { staleTime: 5 * 60_000 },
    },
  };
}
