import type { CrudFilter, CrudSort } from '@refinedev/core';
import { istDayRange } from '@advisordesk/shared';

export const TASK_TABS = ['today', 'overdue', 'upcoming', 'done'] as const;
export type TaskTab = (typeof TASK_TABS)[number];

export const TASK_TAB_LABELS: Record<TaskTab, string> = {
  today: 'Today',
  overdue: 'Overdue',
  upcoming: 'Upcoming',
  done: 'Done',
};

export function isTaskTab(value: unknown): value is TaskTab {
  return typeof value === 'string' && (TASK_TABS as readonly string[]).includes(value);
}

/**
 * Each tab as `/api/tasks` filters, on India's day: today is every open follow-up due today
 * (those already past show as late), overdue every open one whose time has passed, upcoming
 * those due after today, done the completed ones (latest first).
 */
export function taskTabQuery(tab: TaskTab, ownerId: string | undefined, now: Date = new Date()): { filters: CrudFilter[]; sorters: CrudSort[] } {
  const today = istDayRange(now);
  const start = today.start.toISOString();
  const end = today.end.toISOString();
  const owner: CrudFilter[] = ownerId ? [{ field: 'ownerId', operator: 'eq', value: ownerId }] : [];
  const open: CrudFilter = { field: 'done', operator: 'eq', value: 'false' };
  switch (tab) {
    case 'today':
      return {
        filters: [...owner, open, { field: 'dueAt', operator: 'gte', value: start }, { field: 'dueAt', operator: 'lte', value: end }],
        sorters: [{ field: 'dueAt', order: 'asc' }],
      };
    case 'overdue':
      return {
        filters: [...owner, open, { field: 'dueAt', operator: 'lte', value: now.toISOString() }],
        sorters: [{ field: 'dueAt', order: 'asc' }],
      };
    case 'upcoming':
      return {
        filters: [...owner, open, { field: 'dueAt', operator: 'gte', value: new Date(today.end.getTime() + 1).toISOString() }],
        sorters: [{ field: 'dueAt', order: 'asc' }],
      };
    case 'done':
      return { filters: [...owner, { field: 'done', operator: 'eq', value: 'true' }], sorters: [{ field: 'doneAt', order: 'desc' }] };
  }
}
