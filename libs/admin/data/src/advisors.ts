import { useMemo } from 'react';
import { useList } from '@refinedev/core';
import type { UserView } from '@advisordesk/shared';
import type { ApiRequestError } from './api-error';

export type AdvisorOption = Pick<UserView, 'id' | 'name'>;

/** Active advisors by name, for managers (the users list is theirs to read); cached for a few minutes. */
export function useAdvisors(enabled: boolean) {
  const {
    result: { data },
    query: { isLoading },
  } = useList<UserView, ApiRequestError>({
    resource: 'users',
    filters: [
      { field: 'role', operator: 'eq', value: 'advisor' },
      { field: 'active', operator: 'eq', value: 'true' },
    ],
    sorters: [{ field: 'name', order: 'asc' }],
    pagination: { currentPage: 1, pageSize: 200 },
    errorNotification: false,
    queryOptions: { enabled, staleTime: 5 * 60_000 },
  });
  const advisors = useMemo<AdvisorOption[] | undefined>(
    () => (enabled && !isLoading ? data.map(({ id, name }) => ({ id, name })) : undefined),
    [data, enabled, isLoading],
  );
  return { data: advisors, isLoading: enabled && isLoading };
}
