/** One clock: UTC in the database, Asia/Kolkata for people. */
export const REPORT_TIME_ZONE = 'Asia/Kolkata';

const dateTimeFormat = new Intl.DateTimeFormat('en-IN', {
  timeZone: REPORT_TIME_ZONE,
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: true,
});

export function formatIstDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? '' : dateTimeFormat.format(date);
}

/** ISO 8601 with the +05:30 offset, e.g. `2026-04-01T09:30:00+05:30` (for CSV and reports). */
export function toIstIso(value: Date): string {
  const ist = new Date(value.getTime() + 330 * 60_000);
  return ist.toISOString().replace(/\.\d{3}Z$/, '+05:30');
}
