import { useList, type CrudFilter } from '@refinedev/core';
import { leadResource, type ApiRequestError } from '@advisordesk/admin-data';
import type { ActivityView, InquiryView } from '@advisordesk/shared';

/** A count is a one-row page: the API's `x-total-count` is the figure, the same the list shows with those filters. */
export function useCount(resource: 'leads' | 'tasks', filters: CrudFilter[]) {
  const {
    result: { total },
    query: { isLoading, isError },
  } = useList({ resource, filters, pagination: { currentPage: 1, pageSize: 1 }, errorNotification: false });
  return { total: isError ? undefined : (total ?? 0), isLoading };
}

/** The title of a stale version (409), the same wherever a lead is changed; the API's message says who changed it and when. */
export const STALE_MESSAGE = 'This lead changed — reloaded';

/** `leads/<id>/status`: the path of one of a lead's actions, under the API. */
export const leadPath = (id: string, action: string) => `leads/${encodeURIComponent(id)}/${action}`;

/** The lead's history, newest first (`GET /api/leads/:id/timeline`). */
export function useLeadTimeline(leadId: string) {
  return useList<ActivityView, ApiRequestError>({
    resource: leadResource(leadId, 'timeline'),
    pagination: { mode: 'off' },
    errorNotification: false,
  });
}

/** Every form submission received for the lead, newest first (`GET /api/leads/:id/inquiries`). */
export function useLeadInquiries(leadId: string, enabled = true) {
  return useList<InquiryView, ApiRequestError>({
    resource: leadResource(leadId, 'inquiries'),
    pagination: { mode: 'off' },
    errorNotification: false,
    queryOptions: { enabled },
  });
}
