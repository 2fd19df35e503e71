import { formatIstDayHeading, istDate, type NotificationView } from '@advisordesk/shared';

export interface DayGroup {
  /** `YYYY-MM-DD` in India. */
  day: string;
  /** `Today`, `Yesterday`, `Mon 30 Nov`. */
  heading: string;
  notifications: NotificationView[];
}

/** Ids are increasing integers sent as strings: newer is longer, or the same length and larger. */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The drawer's list: newest first, under one heading per day in India. */
export function groupByDay(notifications: NotificationView[], now: Date = new Date()): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const notification of [...notifications].sort((a, b) => compareIds(b.id, a.id))) {
    const day = istDate(new Date(notification.createdAt));
    const last = groups[groups.length - 1];
    if (last?.day === day) last.notifications.push(notification);
    else groups.push({ day, heading: formatIstDayHeading(notification.createdAt, now), notifications: [notification] });
  }
  return groups;
}
