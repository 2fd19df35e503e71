import type { NotificationView } from '@advisordesk/shared';

/** The switch is this browser's, not the account's: kept in localStorage. */
const STORAGE_KEY = 'advisordesk.browserNotifications';

export type BrowserPermission = NotificationPermission | 'unsupported';

export function browserPermission(): BrowserPermission {
  return typeof window !== 'undefined' && 'Notification' in window ? Notification.permission : 'unsupported';
}

/** Whether the user turned system notifications on here (off by default). */
export function browserNotificationsWanted(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false;
  }
}

export function setBrowserNotificationsWanted(on: boolean): void {
  try {
    if (on) window.localStorage.setItem(STORAGE_KEY, 'on');
    else window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // A browser that keeps nothing (private mode): the switch lasts for this page only.
  }
}

/** Turning the switch on asks the browser's permission first; on only when it is granted. */
export async function turnOnBrowserNotifications(): Promise<BrowserPermission> {
  if (browserPermission() === 'unsupported') return 'unsupported';
  const permission = Notification.permission === 'granted' ? 'granted' : await Notification.requestPermission();
  setBrowserNotificationsWanted(permission === 'granted');
  return permission;
}

/**
 * A new notification as a system notification, when the user wants them, allowed them, and the
 * tab is hidden (an open tab has the bell). A click brings the tab forward and opens the link.
 */
export function showBrowserNotification(notification: NotificationView, open: (link: string) => void): void {
  if (document.visibilityState !== 'hidden' || !browserNotificationsWanted() || browserPermission() !== 'granted') return;
  const shown = new Notification(notification.title, { body: notification.body ?? undefined, tag: `advisordesk-${notification.id}` });
  shown.onclick = () => {
    window.focus();
    if (notification.link) open(notification.link);
    shown.close();
  };
}
