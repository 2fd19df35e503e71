import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import type { PipelineStage } from '@advisordesk/shared';
import { API_URL, httpClient, type ApiRequestError } from '../../providers/http-client';
import type { ConversionGroup } from './report-query';

/** The report API's answers (`/api/reports/*`); rates are fractions 0..1. */
export interface FunnelStage {
  stage: PipelineStage;
  reached: number;
  fromPrevious: number | null;
  fromStart: number | null;
}

export interface FunnelReport {
  stages: FunnelStage[];
  lost: number;
}

export interface ConversionRow {
  key: string;
  label: string;
  leads: number;
  enrolled: number;
  conversionRate: number;
  medianDaysToFirstContact: number | null;
  medianDaysToEnrolment: number | null;
}

export interface ConversionReport {
  groupBy: ConversionGroup;
  rows: ConversionRow[];
}

export interface AdvisorProductivity {
  advisorId: string;
  advisorName: string;
  active: boolean;
  assigned: number;
  contactedWithin24h: number;
  contactedWithin24hRate: number;
  enrolled: number;
  conversionRate: number;
  followUpsDone: number;
  followUpsOverdue: number;
}

/** `funnel`, `conversion:source`…: figures of one kind, whatever the filters. */
const reportKind = (key: QueryKey) => `${String(key[2])}:${(key[3] as Record<string, string> | undefined)?.groupBy ?? ''}`;

/**
 * One report from the API. Keys start with `data` so that signing in as someone else drops them
 * (see the auth provider). While new filters load, the previous figures of the same report stay
 * on screen (dimmed by the card), rather than the card collapsing to a skeleton.
 */
function useReport<T>(path: 'funnel' | 'conversion' | 'productivity', params: Record<string, string>, enabled = true) {
  const queryKey: QueryKey = ['data', 'reports', path, params];
  return useQuery<T, ApiRequestError>({
    queryKey,
    queryFn: async ({ signal }) => (await httpClient.get<T>(`${API_URL}/reports/${path}`, { params, signal })).data,
    placeholderData: (previous, previousQuery) => (previousQuery && reportKind(previousQuery.queryKey) === reportKind(queryKey) ? previous : undefined),
    enabled,
    staleTime: 60_000,
  });
}

export function useFunnelReport(params: Record<string, string>, enabled = true) {
  return useReport<FunnelReport>('funnel', params, enabled);
}

export function useConversionReport(groupBy: ConversionGroup, params: Record<string, string>, enabled = true) {
  return useReport<ConversionReport>('conversion', { ...params, groupBy }, enabled);
}

export function useProductivityReport(params: Record<string, string>, enabled = true) {
  return useReport<AdvisorProductivity[]>('productivity', params, enabled);
}

/** The campaigns seen in a period (for the campaign filter), whatever the other filters. */
export function useCampaignOptions(range: { from: string; to: string }) {
  return useQuery<ConversionReport, ApiRequestError, { value: string; label: string }[]>({
    queryKey: ['data', 'reports', 'conversion', { from: range.from, to: range.to, groupBy: 'utmCampaign' }],
    queryFn: async ({ signal }) =>
      (await httpClient.get<ConversionReport>(`${API_URL}/reports/conversion`, { params: { from: range.from, to: range.to, groupBy: 'utmCampaign' }, signal })).data,
    select: (report) => report.rows.filter((row) => row.label !== '(none)').map((row) => ({ value: row.key, label: `${row.label} (${row.leads})` })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
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
