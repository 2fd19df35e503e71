import type { AccessControlProvider } from '@refinedev/core';
import { canRead, canWrite, isRole, ROLE_LABELS } from '@advisordesk/shared';
import { areaOfResource } from '../resources';
import { session } from './session';

const READ_ACTIONS = new Set(['list', 'show', 'read', 'field']);

/**
 * Who may do what, straight from `PERMISSIONS` in @advisordesk/shared (the table the API guards
 * read too), so the menu, the routes and the buttons show only what the signed-in role may use.
 * The API stays the authority: this only hides what would be refused.
 */
export const accessControlProvider: AccessControlProvider = {
  can: async ({ resource, action }) => {
    const role = session.get()?.user.role;
    if (!isRole(role)) return { can: false, reason: 'Sign in to continue' };
    const area = areaOfResource(resource);
    if (area === null) return { can: true };
    if (area === undefined) return { can: false, reason: 'Unknown area' };
    const allowed = READ_ACTIONS.has(action) ? canRead(area, role) : canWrite(area, role);
    return allowed ? { can: true } : { can: false, reason: `The ${ROLE_LABELS[role]} role may not do this` };
  },
  options: {
    buttons: { enableAccessControl: true, hideIfUnauthorized: true },
    // The role only changes with a new session, and a new session reloads these.
    queryOptions: { staleTime: 5 * 60_000 },
  },
};
