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

const DATE_PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: IST_TIME_ZONE, day: 'numeric', month: 'short', year: 'numeric' });
const TIME_PARTS = new Intl.DateTimeFormat('en-GB', { timeZone: IST_TIME_ZONE, hour: 'numeric', minute: '2-digit', hourCycle: 'h23' });
const longDateFormat = new Intl.DateTimeFormat('en-IN', { timeZone: IST_TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
const weekdayDayMonth = new Intl.DateTimeFormat('en-GB', { timeZone: IST_TIME_ZONE, weekday: 'short', day: 'numeric', month: 'short' });
const weekdayDayMonthYear = new Intl.DateTimeFormat('en-GB', {
  timeZone: IST_TIME_ZONE,
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const calendarDayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' });

const toDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);

/** The time of day in India, 12-hour with lower-case am/pm and no leading zero: `1:20 pm`, `9:05 am`, `12:00 am`. */
export function formatIstTime(value: string | Date): string {
  const [hour, minute] = TIME_PARTS.format(toDate(value)).split(':').map(Number);
  return `${hour % 12 || 12}:${String(minute).padStart(2, '0')} ${hour < 12 ? 'am' : 'pm'}`;
}

/**
 * The one way the admin writes a moment, in India: `28 Nov 2026, 1:20 pm`, and for recent days
 * `Today, 2:34 pm`, `Yesterday, 9:15 am`, `Tomorrow, 10:00 am` (unless `relative: false`, for
 * text that is read later, such as messages). Empty for nothing or an unreadable time.
 */
export function formatIstDateTime(value: string | Date | null | undefined, options: { now?: Date; relative?: boolean } = {}): string {
  if (!value) return '';
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '';
  const time = formatIstTime(date);
  if (options.relative !== false) {
    const days = Math.round((Date.parse(istDate(date)) - Date.parse(istDate(options.now ?? new Date()))) / DAY_MS);
    const word = days === 0 ? 'Today' : days === -1 ? 'Yesterday' : days === 1 ? 'Tomorrow' : null;
    if (word) return `${word}, ${time}`;
  }
  return `${DATE_PARTS.format(date)}, ${time}`;
}

/** The day in India at an instant, in words: `1 April 2026`. */
export function formatIstDate(value: string | Date): string {
  return longDateFormat.format(toDate(value));
}

/** The day in India at an instant, short, as the admin writes dates: `1 Apr 2026`. */
export function formatIstDay(value: string | Date): string {
  return DATE_PARTS.format(toDate(value));
}

/** A calendar day (`2026-04-06`) as people read it: `6 Apr 2026` (the date of `formatIstDateTime`). */
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

/**
 * A span of minutes as people say it: `42 min`, `3 h 5 min`, `3 h` (never days: working minutes
 * are counted in hours, and a wait is read against the working day). Rounded down to the minute.
 */
export function formatMinutes(minutes: number): string {
  const whole = Math.max(0, Math.floor(minutes));
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (!hours) return `${rest} min`;
  return rest ? `${hours} h ${rest} min` : `${hours} h`;
}

/** The India calendar day of `at`, in words, against `now`: `Today`, `Yesterday`, or `Mon 30 Nov` (with the year when not this year's). */
export function formatIstDayHeading(at: string | Date, now: Date = new Date()): string {
  const date = toDate(at);
  const days = Math.round((Date.parse(istDate(date)) - Date.parse(istDate(now))) / DAY_MS);
  if (days === 0) return 'Today';
  if (days === -1) return 'Yesterday';
  const sameYear = istDate(date).slice(0, 4) === istDate(now).slice(0, 4);
  return (sameYear ? weekdayDayMonth : weekdayDayMonthYear).format(date).replace(/,/g, '');
}
