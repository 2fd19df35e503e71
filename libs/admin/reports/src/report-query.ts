import type { CrudFilter } from '@refinedev/core';
import {
  APPLICATION_REPORT_DRILL_FILTER,
  APPLICATION_REPORT_GROUP_BY,
  isCalendarDay,
  istDate,
  LEAD_SOURCES,
  MARKETING_CONVERSION_GROUPS,
  PIPELINE,
  PROGRAM_LEVELS,
  type ApplicationReportGroupBy,
  type ConversionGroupBy,
  type ConversionRow,
  type PipelineStage,
  type Role,
} from '@advisordesk/shared';

/**
 * What a report shows, as kept in the address (`/reports?from=2026-01-01&to=2026-03-31&source=website`),
 * and how it turns into the API's parameters and into lead-list links with the same filters.
 * Days are calendar days in Asia/Kolkata, written `YYYY-MM-DD`, as the report API takes them.
 */
export interface ReportRange {
  from: string;
  to: string;
}

export interface ReportFilters {
  advisorId?: string;
  source?: string;
  campaign?: string;
  level?: string;
}

export type ReportQuery = ReportRange & ReportFilters;

/** The groupings of the conversion report that the page offers as tabs, in order (the weeks are the trend's). */
export const CONVERSION_GROUPS = ['advisor', 'source', 'utmCampaign', 'level', 'utmSource'] as const satisfies readonly ConversionGroupBy[];

/** The tabs each role may see: marketing sees source and campaign figures only, an advisor no advisor's. */
export function conversionGroupsFor(role: Role): ConversionGroupBy[] {
  if (role === 'marketing') return CONVERSION_GROUPS.filter((group) => MARKETING_CONVERSION_GROUPS.includes(group));
  if (role === 'advisor') return CONVERSION_GROUPS.filter((group) => group !== 'advisor');
  return [...CONVERSION_GROUPS];
}

const DAY_MS = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (0 for the same day). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function monthStart(year: number, month: number): string {
  return new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10);
}

/** Monday of the week holding `day` (the API's weeks start on Monday). */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

export const RANGE_PRESETS = ['last90', 'thisMonth', 'lastMonth', 'thisYear', 'financialYear'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

export const RANGE_PRESET_LABELS: Record<RangePreset, string> = {
  last90: 'Last 90 days',
  thisMonth: 'This month',
  lastMonth: 'Last month',
  thisYear: 'This year',
  financialYear: 'This financial year',
};

export function presetRange(preset: RangePreset, today: string = istDate()): ReportRange {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (preset) {
    case 'thisMonth':
      return { from: monthStart(year, month), to: today };
    case 'lastMonth': {
      const from = month === 1 ? monthStart(year - 1, 12) : monthStart(year, month - 1);
      return { from, to: addDays(monthStart(year, month), -1) };
    }
    case 'thisYear':
      return { from: `${year}-01-01`, to: today };
    case 'financialYear':
      // India's financial year runs April to March.
      return { from: `${month >= 4 ? year : year - 1}-04-01`, to: today };
    case 'last90':
    default:
      return { from: addDays(today, -89), to: today };
  }
}

export const DEFAULT_PRESET: RangePreset = 'last90';

/** The preset a range is, if it is one (for the period picker's label). */
export function presetOf(range: ReportRange, today: string = istDate()): RangePreset | undefined {
  return RANGE_PRESETS.find((preset) => {
    const candidate = presetRange(preset, today);
    return candidate.from === range.from && candidate.to === range.to;
  });
}

const pick = (params: URLSearchParams, key: string, allowed?: readonly string[]): string | undefined => {
  const value = params.get(key)?.trim();
  if (!value || value.length > 200) return undefined;
  return allowed && !allowed.includes(value) ? undefined : value;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the report from the address; anything missing or malformed falls back to the last 90 days, unfiltered. */
export function readReportQuery(params: URLSearchParams, role: Role | undefined, today: string = istDate()): ReportQuery {
  const from = params.get('from');
  const to = params.get('to');
  const range = isCalendarDay(from) && isCalendarDay(to) && from <= to ? { from, to } : presetRange(DEFAULT_PRESET, today);
  const advisorId = pick(params, 'advisorId');
  const query: ReportQuery = {
    ...range,
    source: pick(params, 'source', LEAD_SOURCES),
    campaign: pick(params, 'campaign'),
  };
  // Marketing sees source and campaign figures only; advisors see their own figures whatever the address says.
  if (role !== 'marketing') query.level = pick(params, 'level', PROGRAM_LEVELS);
  if ((role === 'admin' || role === 'manager') && advisorId && UUID.test(advisorId)) query.advisorId = advisorId;
  return query;
}

/** The address for a report: the range only when it is not the default, filters only when set. */
export function reportSearch(query: ReportQuery, extra: Record<string, string | undefined> = {}, today: string = istDate()): URLSearchParams {
  const params = new URLSearchParams();
  if (presetOf(query, today) !== DEFAULT_PRESET) {
    params.set('from', query.from);
    params.set('to', query.to);
  }
  for (const key of ['advisorId', 'source', 'campaign', 'level'] as const) {
    const value = query[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  return params;
}

/** The report API's parameters for this report (`campaign` is the lead field `utmCampaign`). */
export function reportApiParams(query: ReportQuery): Record<string, string> {
  const params: Record<string, string> = { from: query.from, to: query.to };
  if (query.advisorId) params.advisorId = query.advisorId;
  if (query.source) params.source = query.source;
  if (query.campaign) params.utmCampaign = query.campaign;
  if (query.level) params.level = query.level;
  return params;
}

export function hasFilters(query: ReportQuery): boolean {
  return Boolean(query.advisorId || query.source || query.campaign || query.level);
}

// ---------------------------------------------------------------------------------------------
// Drill-down: the lead list (`/leads`) with the report's filters, in the form Refine's
// `syncWithLocation` reads back (`filters[0][field]=createdAt&filters[0][operator]=gte&…`).

/** The report's cohort as lead-list filters: created within the range, plus the report's filters. */
export function cohortFilters(query: ReportQuery): CrudFilter[] {
  const filters: CrudFilter[] = [
    { field: 'createdAt', operator: 'gte', value: query.from },
    { field: 'createdAt', operator: 'lte', value: query.to },
  ];
  if (query.advisorId) filters.push({ field: 'advisorId', operator: 'eq', value: query.advisorId });
  if (query.source) filters.push({ field: 'source', operator: 'eq', value: query.source });
  if (query.campaign) filters.push({ field: 'utmCampaign', operator: 'eq', value: query.campaign });
  if (query.level) filters.push({ field: 'level', operator: 'eq', value: query.level });
  return filters;
}

const sameTarget = (a: CrudFilter, b: CrudFilter) => 'field' in a && 'field' in b && a.field === b.field && a.operator === b.operator;

/** `filters` with `extra` added, each replacing a filter on the same field and operator. */
export function withFilters(filters: CrudFilter[], ...extra: CrudFilter[]): CrudFilter[] {
  return [...filters.filter((f) => !extra.some((e) => sameTarget(f, e))), ...extra];
}

/** The list's address, serialised as Refine does (qs, `indices` arrays); only values are encoded. */
export function leadListPath(filters: CrudFilter[]): string {
  const parts: string[] = [];
  filters.forEach((filter, index) => {
    if (!('field' in filter)) return;
    const prefix = `filters[${index}]`;
    parts.push(`${prefix}[field]=${encodeURIComponent(filter.field)}`, `${prefix}[operator]=${filter.operator}`);
    const value = filter.value as unknown;
    if (Array.isArray(value)) value.forEach((item, i) => parts.push(`${prefix}[value][${i}]=${encodeURIComponent(String(item))}`));
    else parts.push(`${prefix}[value]=${encodeURIComponent(value === null || value === undefined ? '' : String(value))}`);
  });
  return parts.length ? `/leads?${parts.join('&')}` : '/leads';
}

/** Which group a conversion row is. */
export type ConversionKey = Pick<ConversionRow, 'key' | 'label'>;

/**
 * A conversion row's group as a lead-list filter. The API answers `key: 'none'` for leads
 * without a value (no advisor, no campaign); the list reads an empty value as "not set".
 */
/** How a group without a value reads (the API says `(none)`). */
const NO_VALUE_LABELS: Partial<Record<ConversionGroupBy, string>> = {
  advisor: 'Unassigned',
  source: 'No source',
  utmCampaign: 'No campaign',
  utmSource: 'No UTM source',
  level: 'No level given',
};

/** True for the API's group of leads without a value (`key: 'none'`), as opposed to a campaign really named "none". */
export function isUnsetGroup(groupBy: ConversionGroupBy, row: ConversionKey): boolean {
  if (row.key !== 'none') return false;
  return groupBy === 'advisor' || groupBy === 'source' || groupBy === 'level' || row.label === '(none)' || row.label === NO_VALUE_LABELS[groupBy];
}

/** A group's name for people: `No campaign` rather than `(none)`. */
export function groupLabel(groupBy: ConversionGroupBy, row: ConversionKey): string {
  return isUnsetGroup(groupBy, row) ? (NO_VALUE_LABELS[groupBy] ?? row.label) : row.label;
}

export function groupFilters(groupBy: ConversionGroupBy, row: ConversionKey, range: ReportRange): CrudFilter[] {
  const value = isUnsetGroup(groupBy, row) ? '' : row.key;
  switch (groupBy) {
    case 'week': {
      // The week, clipped to the report's range so the list shows exactly the leads counted.
      const from = row.key > range.from ? row.key : range.from;
      const sunday = addDays(row.key, 6);
      return [
        { field: 'createdAt', operator: 'gte', value: from },
        { field: 'createdAt', operator: 'lte', value: sunday < range.to ? sunday : range.to },
      ];
    }
    case 'advisor':
      return [{ field: 'advisorId', operator: 'eq', value }];
    default:
      return [{ field: groupBy, operator: 'eq', value }];
  }
}

export interface StageDrillDown {
  filters: CrudFilter[];
  /** True when the list shows exactly the leads counted at this stage. */
  exact: boolean;
  /** What the list will show, for the stage's tooltip. */
  explanation: string;
}

/**
 * A funnel stage as lead-list filters. "Reached" means the lead's history ever got there; the
 * list filters by current status only, so past `new` it opens the leads now at this stage or
 * further on: leads that got this far and were later lost are counted but not listed.
 */
export function stageFilters(stage: PipelineStage | 'lost'): StageDrillDown {
  if (stage === 'lost')
    return {
      filters: [{ field: 'status', operator: 'in', value: ['lost'] }],
      exact: true,
      explanation: 'Opens the leads of this period that are now lost.',
    };
  const index = PIPELINE.indexOf(stage);
  if (index === 0) return { filters: [], exact: true, explanation: 'Every lead starts as new: opens all the leads of this period.' };
  return {
    filters: [{ field: 'status', operator: 'in', value: PIPELINE.slice(index) }],
    exact: false,
    explanation:
      stage === 'enrolled'
        ? 'Opens the leads of this period that are now enrolled.'
        : 'Opens the leads now at this stage or further on. Leads that got this far and were later lost are counted here but not listed, because the lead list filters by current status.',
  };
}

/** Every Monday from the week of `from` to the week of `to`, so weeks without leads still show as 0. */
export function weeksOf(range: ReportRange): string[] {
  const weeks: string[] = [];
  for (let monday = mondayOf(range.from); monday <= range.to && weeks.length < 600; monday = addDays(monday, 7)) weeks.push(monday);
  return weeks;
}

/** `Week of 6 Apr` style short label for a Monday. */
export function shortDay(day: string, withYear = false): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-IN', {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
}

/** `1 Jan – 31 Mar 2026` (the year once when both days share it). */
export function rangeLabel(range: ReportRange): string {
  const sameYear = range.from.slice(0, 4) === range.to.slice(0, 4);
  if (range.from === range.to) return shortDay(range.from, true);
  return `${shortDay(range.from, !sameYear)} – ${shortDay(range.to, true)}`;
}

/** The applications list filtered to one group of the applications report: `/applications?universityId=…`. */
export function applicationDrillPath(groupBy: ApplicationReportGroupBy, row: { key: string }): string {
  return `/applications?${new URLSearchParams({ [APPLICATION_REPORT_DRILL_FILTER[groupBy]]: row.key }).toString()}`;
}

/** The groupings of the applications report a role sees: advisors see only their own, so "by advisor" is for managers and admins. */
export function applicationGroupsFor(role: Role): ApplicationReportGroupBy[] {
  return APPLICATION_REPORT_GROUP_BY.filter((group) => group !== 'advisor' || role === 'admin' || role === 'manager');
}
