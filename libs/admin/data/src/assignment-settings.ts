import { useOne } from '@refinedev/core';
import type { AssignmentSettings } from '@advisordesk/shared';
import type { ApiRequestError } from './api-error';

/** `GET` and `PATCH /api/settings/assignment`: one record of the settings resource. */
export const ASSIGNMENT_SETTINGS = { resource: 'settings', id: 'assignment' } as const;

/** Where the lead-routing switch lives (the settings page's section). */
export const LEAD_ROUTING_PATH = '/settings#lead-routing';

/** Whether new inquiries are assigned automatically, as the API holds it (for those who may read it). */
export function useAssignmentSettings(enabled = true) {
  const { query } = useOne<AssignmentSettings, ApiRequestError>({
    ...ASSIGNMENT_SETTINGS,
    errorNotification: false,
    queryOptions: { enabled },
  });
  return query;
}
