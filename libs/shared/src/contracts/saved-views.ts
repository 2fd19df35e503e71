/**
 * Saved views: a list's query string (its filters, sort and chosen columns, as the list sends them
 * to the API: `status=new&advisorId=…&_sort=createdAt&_order=desc&columns=fullName,status`) saved by
 * name. Everyone keeps their own; roles with `savedViews` = `all` may share one with everyone.
 * Marketing's segments are saved views of `segments`: the lead export's segment filters only.
 */
import type { Role } from '../roles';
import { accessOf, MARKETING_EXPORT_FILTERS } from '../permissions';

/** The lists a view can be saved for; `segments` is marketing's segment builder. */
export const SAVED_VIEW_RESOURCES = ['leads', 'applications', 'tasks', 'segments'] as const;
export type SavedViewResource = (typeof SAVED_VIEW_RESOURCES)[number];

export const SAVED_VIEW_NAME_MAX_LENGTH = 80;
export const SAVED_VIEW_QUERY_MAX_LENGTH = 2000;

/** Which lists a role saves views of: marketing only its segments, everyone else the lists they work. */
export function savedViewResourcesFor(role: Role): SavedViewResource[] {
  if (role === 'marketing') return ['segments'];
  return SAVED_VIEW_RESOURCES.filter(
    (resource) => resource !== 'segments' && (resource !== 'applications' || accessOf('applications', role) !== 'none'),
  );
}

/** Whether a role may share a view with everyone. */
export function canShareViews(role: Role): boolean {
  return accessOf('savedViews', role) === 'all';
}

/** The columns of the lead table a view may choose (`columns=fullName,status`), in the table's order. */
export const LEAD_LIST_COLUMNS = ['fullName', 'status', 'nextFollowUpAt', 'courseInterest', 'source', 'advisorName', 'createdAt'] as const;
export type LeadListColumn = (typeof LEAD_LIST_COLUMNS)[number];
export const LEAD_LIST_COLUMN_LABELS: Record<LeadListColumn, string> = {
  fullName: 'Lead',
  status: 'Status',
  nextFollowUpAt: 'Next follow-up',
  courseInterest: 'Interest',
  source: 'Source',
  advisorName: 'Advisor',
  createdAt: 'Created',
};

/** Names of a view's query that are not filters: sorting and the chosen columns. */
export const SAVED_VIEW_LIST_PARAMS = ['_sort', '_order', 'columns'] as const;

/** A segment's filters: the lead export's segment filters (and their `_gte/_lte/_like/_ne` forms). */
export const SEGMENT_FILTERS = MARKETING_EXPORT_FILTERS;

/** `GET /api/saved-views?resource=leads`: the user's own views and the shared ones, by name. */
export interface SavedView {
  id: string;
  name: string;
  resource: SavedViewResource;
  query: string;
  shared: boolean;
  ownerId: string;
  ownerName: string;
  /** The signed-in user's own view. */
  mine: boolean;
}

/** `POST /api/saved-views`. */
export interface CreateSavedViewBody {
  name: string;
  resource: SavedViewResource;
  query: string;
  shared?: boolean;
}
