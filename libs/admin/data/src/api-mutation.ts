import { useApiUrl, useCustomMutation, type BaseRecord } from '@refinedev/core';
import type { ApiRequestError } from './api-error';

/** A request that changes something: `path` is under the API (`leads/<id>/notes`). */
export interface ApiRequest {
  path: string;
  method: 'post' | 'put' | 'patch' | 'delete';
  values?: object;
}

export interface ApiMutationOptions<TData, TVariables> {
  /** The request for these variables. */
  request: (variables: TVariables) => ApiRequest;
  /** Awaited before the change counts as done: refresh what it changed, so the screen never shows the old state with the button idle. */
  onSuccess?: (data: TData, variables: TVariables) => unknown;
  onError?: (error: ApiRequestError, variables: TVariables) => unknown;
}

/** The typed variables, in `meta` (whose `variables` key is GraphQL's, so another name). */
interface Carried<TVariables> {
  sent: TVariables;
}

/**
 * A change that is not plain CRUD (`POST /api/leads/:id/status`, `PUT …/shortlist/order`), sent
 * with Refine's `useCustomMutation` through the data provider (token, one refresh on a 401,
 * `ApiRequestError`). The screen's own words replace Refine's notices. The typed variables ride
 * along in `meta`, so a list can tell which of its rows is busy.
 */
export function useApiMutation<TData, TVariables = void>({ request, onSuccess, onError }: ApiMutationOptions<TData, TVariables>) {
  const apiUrl = useApiUrl();
  const { mutation } = useCustomMutation<TData & BaseRecord, ApiRequestError, object>({
    mutationOptions: {
      onSuccess: (response, sent) => onSuccess?.(response.data as TData, (sent.meta as Carried<TVariables>).sent),
      onError: (error, sent) => onError?.(error, (sent.meta as Carried<TVariables>).sent),
    },
  });
  const toRequest = (variables: TVariables) => {
    const { path, method, values } = request(variables);
    return {
      url: `${apiUrl}/${path}`,
      method,
      values: values ?? {},
      meta: { sent: variables } satisfies Carried<TVariables>,
      successNotification: false as const,
      errorNotification: false as const,
    };
  };
  return {
    mutate: (variables: TVariables, callbacks?: { onSuccess?: (data: TData) => void; onError?: (error: ApiRequestError) => void }) =>
      mutation.mutate(
        toRequest(variables),
        callbacks && { onSuccess: (response) => callbacks.onSuccess?.(response.data as TData), onError: callbacks.onError },
      ),
    mutateAsync: async (variables: TVariables): Promise<TData> => (await mutation.mutateAsync(toRequest(variables))).data as TData,
    isPending: mutation.isPending,
    /** What the last (or running) change was sent with. */
    variables: (mutation.variables?.meta as Carried<TVariables> | undefined)?.sent,
  };
}
