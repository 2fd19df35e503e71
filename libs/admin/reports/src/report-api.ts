import { useMemo } from 'react';
import { useApiUrl, useCustom, type BaseRecord } from '@refinedev/core';
import { keepPreviousData } from '@tanstack/react-query';
import type {
  AdvisorProductivity,
  ApplicationReport,
  ApplicationReportGroupBy,
  ConversionGroupBy,
  ConversionReport,
  FunnelReport,
} from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';

/**
 * One report from the API (`GET /api/reports/<path>`), through Refine's `useCustom`. While new
 * filters load, the previous figures of the same report stay on screen (dimmed by the card),
 * rather than the card collapsing to a skeleton; figures grouped another way are not kept.
 */
function useReport<T>(
  path: 'funnel' | 'conversion' | 'productivity' | 'applications',
  params: Record<string, string>,
  enabled = true,
  sameKind: (previous: T) => boolean = () => true,
) {
  const apiUrl = useApiUrl();
  // Refine types custom answers as records; a report may be a list (productivity), hence the casts.
  const { query } = useCustom<BaseRecord, ApiRequestError>({
    url: `${apiUrl}/reports/${path}`,
    method: 'get',
    config: { query: params },
    errorNotification: false,
    queryOptions: {
      placeholderData: (previous) => (previous && sameKind(previous.data as T) ? previous : undefined),
      enabled,
      staleTime: 60_000,
    },
  });
  return {
    data: query.data?.data as T | undefined,
    isLoading: query.isLoading,
    isFetching: query.isFetching,
    isPlaceholderData: query.isPlaceholderData,
    isError: query.isError,
    error: query.error,
    refetch: query.refetch,
  };
}

export function useFunnelReport(params: Record<string, string>, enabled = true) {
  return useReport<FunnelReport>('funnel', params, enabled);
}

export function useConversionReport(groupBy: ConversionGroupBy, params: Record<string, string>, enabled = true) {
  return useReport<ConversionReport>('conversion', { ...params, groupBy }, enabled, (previous) => previous.groupBy === groupBy);
}

export function useProductivityReport(params: Record<string, string>, enabled = true) {
  return useReport<AdvisorProductivity[]>('productivity', params, enabled);
}

/** Applications made in the period by university, program or advisor (`GET /api/reports/applications`). */
export function useApplicationReport(groupBy: ApplicationReportGroupBy, range: { from: string; to: string }, enabled = true) {
  return useReport<ApplicationReport>(
    'applications',
    { from: range.from, to: range.to, groupBy },
    enabled,
    (previous) => previous.groupBy === groupBy,
  );
}

/** The campaigns seen in a period (for the campaign filter), whatever the other filters. */
export function useCampaignOptions(range: { from: string; to: string }) {
  const apiUrl = useApiUrl();
  const { query } = useCustom<ConversionReport, ApiRequestError>({
    url: `${apiUrl}/reports/conversion`,
    method: 'get',
    config: { query: { from: range.from, to: range.to, groupBy: 'utmCampaign' } },
    errorNotification: false,
    queryOptions: { placeholderData: keepPreviousData, staleTime: 60_000 },
  });
  const report = query.data?.data;
  const data = useMemo(
    () => report?.rows.filter((row) => row.label !== '(none)').map((row) => ({ value: row.key, label: `${row.label} (${row.leads})` })),
    [report],
  );
  return { data, isLoading: query.isLoading };
}

const percentFormat = new Intl.NumberFormat('en-IN', { style: 'percent', maximumFractionDigits: 1 });
const countFormat = new Intl.NumberFormat('en-IN');

/** `12.5%`, or `—` when there was nothing to divide. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : percentFormat.format(rate);
}

/** Indian digit grouping: `1,23,456`. */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : countFormat.format(value);
}

export function formatDays(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${value.toLocaleString('en-IN', { maximumFractionDigits: 1 })} ${value === 1 ? 'day' : 'days'}`;
}
