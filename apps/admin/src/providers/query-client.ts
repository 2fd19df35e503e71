import { QueryClient } from '@tanstack/react-query';

const statusOf = (error: unknown) => (error as { statusCode?: number } | null)?.statusCode ?? 0;

/**
 * One query cache for the panel; the auth provider empties its records when someone signs in.
 * `networkMode: 'always'`: offline, a request fails at once with "Cannot reach AdvisorDesk" (and
 * the page says so, with Retry) instead of waiting silently for the connection to come back.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      networkMode: 'always',
      refetchOnWindowFocus: false,
      refetchOnReconnect: true,
      staleTime: 15_000,
      // A 4xx will not change by asking again; network blips and 5xx get two more tries (the banner says "Retrying…").
      retry: (failures, error) => failures < 2 && !(statusOf(error) >= 400 && statusOf(error) < 500),
    },
    mutations: { retry: false, networkMode: 'always' },
  },
});
