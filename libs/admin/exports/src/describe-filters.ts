import {
  formatCalendarDay,
  formatIstDateTime,
  isCalendarDay,
  isLeadStatus,
  LEAD_SOURCE_LABELS,
  LEAD_STATUS_LABELS,
  LOST_REASON_LABELS,
  PROGRAM_LEVEL_LABELS,
  type LeadSource,
  type LostReason,
  type ProgramLevel,
} from '@advisordesk/shared';

/** Lead list filter names, as people call them. */
const FIELD_LABELS: Record<string, string> = {
  q: 'Search',
  status: 'Status',
  source: 'Source',
  advisorId: 'Advisor',
  level: 'Level',
  mode: 'Mode',
  utmSource: 'UTM source',
  utmMedium: 'UTM medium',
  utmCampaign: 'Campaign',
  utmTerm: 'UTM term',
  utmContent: 'UTM content',
  createdAt: 'Created',
  updatedAt: 'Updated',
  nextFollowUpAt: 'Next follow-up',
  consentAt: 'Consent given',
  consentMarketing: 'Marketing consent',
  consentWhatsapp: 'WhatsApp consent',
  lostReason: 'Lost reason',
  fullName: 'Name',
  courseInterest: 'Course interest',
  city: 'City',
  state: 'State',
  budgetPaise: 'Budget (paise)',
  experienceYears: 'Experience (years)',
  erased: 'Erased',
};

function describeValue(field: string, value: string, advisorNames: ReadonlyMap<string, string>): string {
  if (value === '') return 'not set';
  if (field === 'status' && isLeadStatus(value)) return LEAD_STATUS_LABELS[value];
  if (field === 'source') return LEAD_SOURCE_LABELS[value as LeadSource] ?? value;
  if (field === 'level') return PROGRAM_LEVEL_LABELS[value as ProgramLevel] ?? value;
  if (field === 'lostReason') return LOST_REASON_LABELS[value as LostReason] ?? value;
  if (field === 'advisorId') return advisorNames.get(value) ?? 'an advisor';
  if (value === 'true' || value === 'false') return value === 'true' ? 'yes' : 'no';
  if (isCalendarDay(value)) return formatCalendarDay(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatIstDateTime(value) || value;
  return value;
}

/**
 * An export's recorded filters (the query it was asked with: `status=[new,contacted]`,
 * `createdAt_gte=2026-04-01`, `_sort=createdAt`…) in words: `Status: New, Contacted`,
 * `Created from 1 Apr 2026`. An empty list means every lead the user may export.
 */
export function describeExportFilters(
  filters: Record<string, unknown> | null | undefined,
  advisorNames: ReadonlyMap<string, string> = new Map(),
): string[] {
  const parts: string[] = [];
  for (const [key, raw] of Object.entries(filters ?? {})) {
    if (key === '_sort' || key === '_order' || key === '_start' || key === '_end') continue;
    const match = /^(.+?)(_ne|_gte|_lte|_like)?$/.exec(key);
    const field = match?.[1] ?? key;
    const op = match?.[2] ?? '';
    const label = FIELD_LABELS[field] ?? field;
    const values = (Array.isArray(raw) ? raw : [raw]).map((v) => describeValue(field, String(v ?? ''), advisorNames));
    if (field === 'q') parts.push(`Search “${values.join(' ')}”`);
    else if (op === '_gte') parts.push(`${label} from ${values[0]}`);
    else if (op === '_lte') parts.push(`${label} until ${values[0]}`);
    else if (op === '_ne') parts.push(`${label} not ${values[0]}`);
    else if (op === '_like') parts.push(`${label} contains “${values[0]}”`);
    else parts.push(`${label}: ${values.join(', ')}`);
  }
  return parts;
}

/** `createdAt desc` → `newest first`-style words for the recorded sort, or null for the default. */
export function describeExportSort(filters: Record<string, unknown> | null | undefined): string | null {
  const sort = filters?._sort;
  if (typeof sort !== 'string' || !sort) return null;
  const orders = typeof filters?._order === 'string' ? filters._order.split(',') : [];
  if (sort === 'createdAt') return orders[0] === 'asc' ? 'Oldest first' : 'Newest first';
  return `Sorted by ${sort
    .split(',')
    .map((field, i) => `${(FIELD_LABELS[field] ?? field).toLowerCase()} ${orders[i] === 'desc' ? '↓' : '↑'}`)
    .join(', ')}`;
}
