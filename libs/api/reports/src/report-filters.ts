import { accessOf, DAY_PATTERN, MARKETING_REPORT_FILTERS } from '@advisordesk/shared';
import { AppError, CommonErrors, fieldError, parseListQuery, type ParsedList } from '@advisordesk/api-core';
import type { AuthUser } from '@advisordesk/api-auth';
import { LEAD_LIST, limitToVisibleLeads, onlyLeadsOf } from '@advisordesk/api-leads';

/** Report parameters that are names for lead list filters: `from`/`to` (days in Asia/Kolkata) and `campaign`. */
const ALIASES: Record<string, string> = { from: 'createdAt_gte', to: 'createdAt_lte', campaign: 'utmCampaign' };

/**
 * The lead list's filters for a report's cohort (leads created between `from` and `to`), scoped
 * by the permission table: advisors see their own figures only; marketing sees every lead's
 * source and campaign figures, never an advisor's.
 */
export function reportFilters(user: AuthUser, query: Record<string, unknown>, extra: readonly string[] = []): ParsedList {
  const access = accessOf('reports', user.role);
  if (access === 'none') throw new AppError(CommonErrors.forbidden);
  const filters = Object.keys(query).filter((key) => !extra.includes(key) && !['_start', '_end', '_sort', '_order'].includes(key));
  if (access === 'consented') {
    // Marketing sees segments, never one person (a phone filter would tell whether someone is a lead).
    const refused = filters.find((key) => !(MARKETING_REPORT_FILTERS as readonly string[]).includes(key));
    if (refused) throw fieldError(refused, `${refused}: marketing's reports take only ${MARKETING_REPORT_FILTERS.join(', ')}`);
  }
  return limitToVisibleLeads(parseListQuery(listParameters(query, filters), LEAD_LIST), user, 'reports');
}

/**
 * A report's parameters as list filters: `from`/`to` (whole days in Asia/Kolkata) checked and
 * renamed to `createdAt_gte`/`createdAt_lte` (a bare day covers it whole), `campaign` to `utmCampaign`.
 */
export function listParameters(query: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const renamed: Record<string, unknown> = {};
  for (const key of keys) {
    const value = query[key];
    if ((key === 'from' || key === 'to') && (typeof value !== 'string' || !DAY_PATTERN.test(value)))
      throw fieldError(key, `${key} must be a date like 2026-04-01`);
    renamed[Object.hasOwn(ALIASES, key) ? ALIASES[key] : key] = value;
  }
  return renamed;
}

/** Report parameters that name a dimension of `lead_day_counts`. */
const DAY_COUNT_DIMENSIONS: Record<string, string> = {
  advisorId: 'advisor',
  source: 'source',
  campaign: 'utmCampaign',
  utmCampaign: 'utmCampaign',
  level: 'level',
};

/**
 * The slice of `lead_day_counts` that answers a report with these (already validated) parameters:
 * whole days (`from`/`to`) and at most one dimension, the advisor's own scope included. Null when
 * the day counts cannot answer it (another filter, two dimensions, a list of values).
 */
export function dayCountScope(user: AuthUser, query: Record<string, unknown>): { dim: string; key: string } | null {
  const slices: [string, string][] = [];
  for (const [name, value] of Object.entries(query)) {
    if (name === 'from' || name === 'to') continue;
    const dim = Object.hasOwn(DAY_COUNT_DIMENSIONS, name) ? DAY_COUNT_DIMENSIONS[name] : undefined;
    if (!dim || typeof value !== 'string') return null;
    slices.push([dim, dim === 'advisor' ? value.toLowerCase() : value]);
  }
  const own = onlyLeadsOf(user, 'reports');
  if (own) slices.push(['advisor', own]);
  const distinct = new Map(slices);
  if (distinct.size > 1 || slices.some(([dim, key]) => distinct.get(dim) !== key)) return null;
  const [slice] = distinct;
  return slice ? { dim: slice[0], key: slice[1] } : { dim: 'all', key: '' };
}
