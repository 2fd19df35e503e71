import type { CrudFilter } from '@refinedev/core';
import { istDate, OPEN_STATUSES } from '@advisordesk/shared';

export type QuickFilter = 'mine_new' | 'today' | 'overdue' | 'no_next_step' | 'replied';

export const QUICK_FILTERS: QuickFilter[] = ['mine_new', 'today', 'overdue', 'no_next_step', 'replied'];

export const QUICK_FILTER_LABELS: Record<QuickFilter, string> = {
  mine_new: 'My new leads',
  today: 'Follow-up today',
  overdue: 'Overdue',
  no_next_step: 'No next step',
  replied: 'Replied, unanswered',
};

const has = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);
const set = (filters: CrudFilter[]) => filters.filter((f) => 'field' in f && has(f.value)) as (CrudFilter & { field: string })[];

/** The list filters of a quick filter; `now` decides what "today" and "overdue" mean (in India). */
export function quickFilterFilters(quick: QuickFilter, meId: string | undefined, now: Date = new Date()): CrudFilter[] {
  switch (quick) {
    case 'mine_new':
      return [
        { field: 'advisorId', operator: 'eq', value: meId },
        { field: 'status', operator: 'in', value: ['new'] },
      ];
    case 'today':
      // A bare date is that whole day in Asia/Kolkata for the API.
      return [{ field: 'nextFollowUpAt', operator: 'eq', value: istDate(now) }];
    case 'overdue':
      return [{ field: 'nextFollowUpAt', operator: 'lte', value: new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString() }];
    case 'no_next_step':
      // Open leads (not enrolled, not lost) with no open follow-up: `nextFollowUpAt_null=true`.
      return [
        { field: 'nextFollowUpAt_null', operator: 'eq', value: 'true' },
        { field: 'status', operator: 'in', value: [...OPEN_STATUSES] },
      ];
    case 'replied':
      // The conversation's last WhatsApp message is the student's.
      return [{ field: 'whatsappUnanswered', operator: 'eq', value: 'true' }];
  }
}

/**
 * Which quick filter the list's filters are exactly (so its button shows as chosen), if any.
 * "Overdue" holds the moment it was chosen, so any `nextFollowUpAt_lte` alone counts as it.
 */
export function activeQuickFilter(filters: CrudFilter[], meId: string | undefined, now: Date = new Date()): QuickFilter | undefined {
  const active = set(filters).filter((f) => f.field !== 'q');
  const one = (field: string, operator: string) => active.find((f) => f.field === field && f.operator === operator);
  if (active.length === 1 && one('nextFollowUpAt', 'lte')) return 'overdue';
  if (active.length === 1 && one('nextFollowUpAt', 'eq')?.value === istDate(now)) return 'today';
  if (active.length === 1 && String(one('whatsappUnanswered', 'eq')?.value) === 'true') return 'replied';
  const status = one('status', 'in')?.value;
  const openStatuses = Array.isArray(status) && status.length === OPEN_STATUSES.length && OPEN_STATUSES.every((s) => status.includes(s));
  if (active.length === 2 && one('nextFollowUpAt_null', 'eq')?.value === 'true' && openStatuses) return 'no_next_step';
  if (active.length === 2 && meId && one('advisorId', 'eq')?.value === meId && Array.isArray(status) && status.length === 1 && status[0] === 'new')
    return 'mine_new';
  return undefined;
}

/** Filters to send with a quick filter chosen: everything else is cleared, the search stays. */
export function applyQuickFilter(
  current: CrudFilter[],
  quick: QuickFilter | undefined,
  meId: string | undefined,
  now: Date = new Date(),
): CrudFilter[] {
  const q = set(current).find((f) => f.field === 'q');
  const cleared = set(current)
    .filter((f) => f.field !== 'q')
    .map((f) => ({ ...f, value: undefined }) as CrudFilter);
  const chosen = quick ? quickFilterFilters(quick, meId, now) : [];
  const chosenKeys = new Set(chosen.map((f) => ('field' in f ? `${f.field}:${f.operator}` : '')));
  return [...cleared.filter((f) => !('field' in f) || !chosenKeys.has(`${f.field}:${f.operator}`)), ...chosen, ...(q ? [q] : [])];
}
