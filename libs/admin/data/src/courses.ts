import { useApiUrl, useCustom } from '@refinedev/core';
import type { PublicFormConfig, WebsiteCourse } from '@advisordesk/shared';
import type { ApiRequestError } from './api-error';

/**
 * The courses the website form offers (with their level and mode): the vocabulary of a lead's
 * course interest, read from the form's public configuration so every role has it.
 */
export function useOfferedCourses(): { courses: WebsiteCourse[]; loading: boolean } {
  const apiUrl = useApiUrl();
  const { query } = useCustom<PublicFormConfig, ApiRequestError>({
    url: `${apiUrl}/public/form-config`,
    method: 'get',
    errorNotification: false,
    queryOptions: { staleTime: 5 * 60_000 },
  });
  return { courses: query.data?.data?.courseDetails ?? [], loading: query.isLoading };
}
