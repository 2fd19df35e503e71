import { useCallback } from 'react';
import { useInvalidate } from '@refinedev/core';

/**
 * A lead's own collections (`/api/leads/:id/timeline`, `…/inquiries`, `…/shortlist`…) as Refine
 * resources: simple-rest reads `leads/<id>/timeline` as `GET /api/leads/<id>/timeline`, and the
 * same name refreshes it.
 */
export const leadResource = (leadId: string, part: string) => `leads/${encodeURIComponent(leadId)}/${part}`;

/**
 * After any change to a lead (its status, profile, owner, follow-ups, notes or shortlist): its page,
 * timeline and enquiries, the lead lists and board, and the follow-up lists.
 */
export function useRefreshLead() {
  const invalidate = useInvalidate();
  return useCallback(
    async (leadId: string) => {
      await Promise.all([
        invalidate({ resource: 'leads', invalidates: ['resourceAll'] }),
        invalidate({ resource: 'tasks', invalidates: ['resourceAll'] }),
        invalidate({ resource: leadResource(leadId, 'timeline'), invalidates: ['resourceAll'] }),
        invalidate({ resource: leadResource(leadId, 'inquiries'), invalidates: ['resourceAll'] }),
      ]);
    },
    [invalidate],
  );
}
