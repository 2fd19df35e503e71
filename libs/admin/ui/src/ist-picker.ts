import dayjs, { type Dayjs } from 'dayjs';
import { IST_OFFSET, IST_OFFSET_MINUTES } from '@advisordesk/shared';

/**
 * Times are picked on India's clock (`@advisordesk/shared`'s one clock) whatever the device's own
 * time zone, so "10:00" means 10:00 in India on a laptop set to anything else. Date-time pickers
 * work on the device's local fields: these carry India's wall clock into and out of them.
 */
const OFFSET_MS = IST_OFFSET_MINUTES * 60_000;

/**
 * A dayjs whose fields (date, hour, minute) read as the wall clock in India at `value`: what a
 * date-time picker should show, since pickers work on the device's local fields.
 */
export function istWallClock(value: Date | string = new Date()): Dayjs {
  return dayjs(new Date((typeof value === 'string' ? new Date(value) : value).getTime() + OFFSET_MS).toISOString().slice(0, 19));
}

/** The instant a picker's wall-clock fields mean in India: `2026-12-01T10:30:00+05:30`. */
export function wallClockToIso(value: Dayjs): string {
  return `${value.format('YYYY-MM-DDTHH:mm')}:00${IST_OFFSET}`;
}
