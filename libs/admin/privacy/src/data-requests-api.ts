import { useInvalidate, useOne } from '@refinedev/core';
import type { DataRequestView, ResolveDataRequestBody, StaffVerifyDataRequestBody } from '@advisordesk/shared';
import { useApiMutation, type ApiRequestError } from '@advisordesk/admin-data';

/** `GET /api/data-requests`, `GET /api/data-requests/:id`: the queue of rights requests (admins and managers). */
export const DATA_REQUESTS = 'data-requests';

/** One request, as the queue's detail shows it. */
export function useDataRequest(id: string | undefined) {
  return useOne<DataRequestView, ApiRequestError>({
    resource: DATA_REQUESTS,
    id: id ?? '',
    errorNotification: false,
    queryOptions: { enabled: Boolean(id) },
  });
}

/**
 * A change to one request (`POST /api/data-requests/:id/verify` or `…/resolve`): the queue and the
 * request refresh before the change counts as done; a resolution may have erased or changed a lead,
 * so the leads refresh too.
 */
function useRequestChange<TBody extends object>(id: string, action: 'verify' | 'resolve') {
  const invalidate = useInvalidate();
  return useApiMutation<DataRequestView, TBody>({
    request: (values) => ({ path: `${DATA_REQUESTS}/${encodeURIComponent(id)}/${action}`, method: 'post', values }),
    onSuccess: () =>
      Promise.all([
        invalidate({ resource: DATA_REQUESTS, invalidates: ['list', 'many'] }),
        invalidate({ resource: DATA_REQUESTS, id, invalidates: ['detail'] }),
        action === 'resolve' && invalidate({ resource: 'leads', invalidates: ['resourceAll'] }),
      ]),
  });
}

/** Staff called the person and confirmed it is them. */
export const useVerifyByCall = (id: string) => useRequestChange<StaffVerifyDataRequestBody>(id, 'verify');

/** Done (for an erasure or a withdrawal, this does it) or refused, with a note. */
export const useResolveRequest = (id: string) => useRequestChange<ResolveDataRequestBody>(id, 'resolve');
