/**
 * One clock: UTC in the database, Asia/Kolkata for people. India keeps UTC+05:30 all year (no
 * daylight saving), so a day in India is a fixed 24-hour span of UTC.
 */
export const IST_TIME_ZONE = 'Asia/Kolkata';
/** The zone reports and exports speak (the same clock). */
export const REPORT_TIME_ZONE = IST_TIME_ZONE;
export const IST_OFFSET = '+05:30';
export const IST_OFFSET_MINUTES = 330;

const OFFSET_MS = IST_OFFSET_MINUTES * 60_000;
const DAY_MS = 86_400_000;
/** The shape of a calendar day as the API takes it: `2026-04-01`. */
export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const dateTimeFormat = new Intl.DateTimeFormat('en-IN', {
  timeZone: IST_TIME_ZONE,
  day: '2-digit',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: true,
});
const longDateFormat = new Intl.DateTimeFormat('en-IN', { timeZone: IST_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const calendarDayFormat = new Intl.DateTimeFormat('en-IN', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

/** `01 Apr 2026, 09:30 am` in India; empty for nothing or an unreadable time. */
export function formatIstDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  const date = toDate(value);
  return Number.isNaN(date.getTime()) ? '' : dateTimeFormat.format(date);
}

/** The day in India at an instant, in words: `1 April 2026`. */
export function formatIstDate(value: string | Date): string {
  return longDateFormat.format(toDate(value));
}

/** A calendar day (`2026-04-06`) as people read it: `6 Apr 2026`. */
export function formatCalendarDay(day: string): string {
  return calendarDayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** ISO 8601 with the +05:30 offset, e.g. `2026-04-01T09:30:00+05:30` (for CSV and reports). */
export function toIstIso(value: Date): string {
  const ist = new Date(value.getTime() + OFFSET_MS);
  return ist.toISOString().replace(/\.\d{3}Z$/, IST_OFFSET);
}

/** `YYYY-MM-DD`, the way the API takes a day: a string of that shape that is a real date. */
export function isCalendarDay(value: unknown): value is string {
  return typeof value === 'string' && DAY_PATTERN.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** `YYYY-MM-DD` of the day in India at `at` (whatever the device's or server's own zone). */
export function istDate(at: Date = new Date()): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** The first and last millisecond of a calendar day (`2026-04-01`) in India; invalid dates for a day that is not one. */
export function istDayBounds(day: string): { start: Date; end: Date } {
  const start = Date.parse(`${day}T00:00:00${IST_OFFSET}`);
  return { start: new Date(start), end: new Date(start + DAY_MS - 1) };
}

/** The first and last millisecond of the day in India that contains `at`. */
export function istDayRange(at: Date = new Date()): { start: Date; end: Date } {
  return istDayBounds(istDate(at));
}
