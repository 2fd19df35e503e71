import type { CrudFilter, CrudSort } from '@refinedev/core';
import { APPLICATION_SORTS, DEFAULT_CHECKLIST, formatInr, type ChecklistItem, type DocumentView, type Paise } from '@advisordesk/shared';

const DAY_MS = 86_400_000;

/** A deadline within this many days (or past) reads in red. */
export const DEADLINE_URGENT_DAYS = 3;

export interface DeadlineInfo {
  /** Days from today to the deadline (negative: past it); null without a deadline. */
  days: number | null;
  text: string;
  urgent: boolean;
}

/** How near a deadline (`YYYY-MM-DD`) is from `today` (the day in India): "5 days left", "Due today", "2 days overdue". */
export function deadlineInfo(deadline: string | null | undefined, today: string): DeadlineInfo {
  if (!deadline) return { days: null, text: 'No deadline', urgent: false };
  const days = Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  const plural = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;
  const text = days === 0 ? 'Due today' : days > 0 ? `${plural(days)} left` : `${plural(-days)} overdue`;
  return { days, text, urgent: days <= DEADLINE_URGENT_DAYS };
}

/** "₹45,000 of ₹1,80,000 paid", or "₹45,000 paid" when the program has no fee in the catalogue. */
export function paidText(paidPaise: Paise, feeTotalPaise: Paise | null): string {
  return feeTotalPaise === null ? `${formatInr(paidPaise)} paid` : `${formatInr(paidPaise)} of ${formatInr(feeTotalPaise)} paid`;
}

/** A document counts as received once uploaded (waiting for review or verified). */
export const isReceived = (document: Pick<DocumentView, 'status'>) => document.status === 'uploaded' || document.status === 'verified';

/** "3 of 5 received". */
export function documentsText(documents: Pick<DocumentView, 'status'>[]): string {
  return `${documents.filter(isReceived).length} of ${documents.length} received`;
}

/** `1.2 MB`, `340 KB`, `512 bytes`. */
export function fileSizeText(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '';
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('en-IN', { maximumFractionDigits: 1 })} MB`;
}

/** `day` plus `days` calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "This week" for deadlines: today and the six days after it. */
export function deadlineWeek(today: string): { from: string; to: string } {
  return { from: today, to: addDays(today, 6) };
}

// ---------------------------------------------------------------------------------------------
// The list's address

/**
 * The plain parameters a link into the list may carry (`/applications?universityId=…`, as the
 * report and the home page write them), each the API's own filter.
 */
export const PLAIN_LIST_PARAMS = [
  'status',
  'universityId',
  'programId',
  'advisorId',
  'leadId',
  'deadline_gte',
  'deadline_lte',
  'documentsMissing',
  'documentsToReview',
  'q',
] as const;

/** The filters a plain link means (`status` may repeat), or null when it has none of them. */
export function filtersFromPlainParams(params: URLSearchParams): CrudFilter[] | null {
  const filters: CrudFilter[] = [];
  for (const key of PLAIN_LIST_PARAMS) {
    const values = params.getAll(key).filter((value) => value !== '');
    if (!values.length) continue;
    if (key === 'status') filters.push({ field: 'status', operator: 'in', value: values });
    else if (key === 'deadline_gte' || key === 'deadline_lte')
      filters.push({ field: 'deadline', operator: key === 'deadline_gte' ? 'gte' : 'lte', value: values[0] });
    else filters.push({ field: key, operator: 'eq', value: values[0] });
  }
  return filters.length ? filters : null;
}

/** The sort a plain link asks for (`_sort=deadline&_order=asc`, one of the list's sorts), or none. */
export function sortersFromPlainParams(params: URLSearchParams): CrudSort[] {
  const field = params.get('_sort');
  if (!field || !(APPLICATION_SORTS as readonly string[]).includes(field)) return [];
  return [{ field, order: params.get('_order') === 'desc' ? 'desc' : 'asc' }];
}

/** A plain link into the list: `/applications?documentsToReview=true`. */
export function plainListPath(params: Partial<Record<(typeof PLAIN_LIST_PARAMS)[number] | '_sort' | '_order', string | string[]>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) if (item) search.append(key, item);
  }
  const query = search.toString();
  return query ? `/applications?${query}` : '/applications';
}

/** The list's address as Refine keeps it (`filters[0][field]=…`, qs with indices), for filters set by a link. */
export function refineListSearch(filters: CrudFilter[], sorters: CrudSort[] = []): string {
  const parts: string[] = [];
  sorters.forEach((sorter, index) =>
    parts.push(`sorters[${index}][field]=${encodeURIComponent(sorter.field)}`, `sorters[${index}][order]=${sorter.order}`),
  );
  filters.forEach((filter, index) => {
    if (!('field' in filter)) return;
    const prefix = `filters[${index}]`;
    parts.push(`${prefix}[field]=${encodeURIComponent(filter.field)}`, `${prefix}[operator]=${filter.operator}`);
    const value = filter.value as unknown;
    if (Array.isArray(value)) value.forEach((item, i) => parts.push(`${prefix}[value][${i}]=${encodeURIComponent(String(item))}`));
    else parts.push(`${prefix}[value]=${encodeURIComponent(String(value ?? ''))}`);
  });
  return parts.join('&');
}

// ---------------------------------------------------------------------------------------------
// Checklists

/** Whether two checklists say the same (order included). */
export function sameChecklist(a: readonly ChecklistItem[], b: readonly ChecklistItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((item, i) => item.kind === b[i].kind && item.label.trim() === b[i].label.trim() && item.required === b[i].required)
  );
}

/** Whether a checklist is the built-in default one. */
export const isBuiltInDefault = (items: readonly ChecklistItem[]) => sameChecklist(items, DEFAULT_CHECKLIST);

/** What is wrong with a checklist before it is saved: an empty label, or the same label twice. */
export function checklistProblems(items: readonly ChecklistItem[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const label = item.label.trim();
    if (!label) problems.push(`Item ${index + 1} needs a label`);
    else if (seen.has(label.toLowerCase())) problems.push(`“${label}” is in the list twice`);
    seen.add(label.toLowerCase());
  });
  if (!items.length) problems.push('A checklist needs at least one document');
  return problems;
}
