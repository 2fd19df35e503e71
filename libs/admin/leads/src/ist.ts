import type { Dayjs } from 'dayjs';
import { formatIstDateTime, istDayRange } from '@advisordesk/shared';
import { istWallClock } from '@advisordesk/admin-ui';

/** Follow-ups are picked and shown on India's clock, whatever the device's own time zone (see `istWallClock`). */
export { istWallClock, wallClockToIso } from '@advisordesk/admin-ui';

const toDate = (value: Date | string) => (typeof value === 'string' ? new Date(value) : value);

export type DueState = 'overdue' | 'today' | 'upcoming';

/** Whether a due time has passed, falls later today (in India), or after today. */
export function dueState(due: string | Date, now: Date = new Date()): DueState {
  const at = toDate(due).getTime();
  if (at < now.getTime()) return 'overdue';
  return at <= istDayRange(now).end.getTime() ? 'today' : 'upcoming';
}

/** "Today, 4:30 pm", "Tomorrow, 10:00 am", "Yesterday, 9:15 am", or the full date and time: the one date style. */
export function describeDue(due: string | Date, now: Date = new Date()): string {
  return formatIstDateTime(due, { now });
}

export interface FollowUpPreset {
  label: string;
  value: Dayjs;
}

/** Quick choices for a follow-up, on India's clock: in two hours, this evening, tomorrow morning… */
export function followUpPresets(now: Date = new Date()): FollowUpPreset[] {
  const wall = istWallClock(now).second(0).millisecond(0);
  const inTwoHours = wall.add(2, 'hour').minute(Math.ceil(wall.minute() / 15) * 15);
  const presets: FollowUpPreset[] = [{ label: 'In 2 hours', value: inTwoHours }];
  if (wall.hour() < 17) presets.push({ label: 'This evening', value: wall.hour(18).minute(0) });
  presets.push({ label: 'Tomorrow 10 AM', value: wall.add(1, 'day').hour(10).minute(0) });
  presets.push({ label: 'In 3 days', value: wall.add(3, 'day').hour(10).minute(0) });
  const toMonday = (8 - wall.day()) % 7 || 7;
  presets.push({ label: 'Next Monday', value: wall.add(toMonday, 'day').hour(10).minute(0) });
  return presets;
}
