import { lazy } from 'react';

/**
 * The notifications area: the header's bell (a drawer of my notifications, live over the event
 * stream, with browser notifications when allowed) and "My notifications", the page of my
 * preferences; placed by the shell.
 */
export const NotificationBell = lazy(() => import('./bell').then((module) => ({ default: module.NotificationBell })));
export const MyNotificationsPage = lazy(() => import('./preferences-page'));
export { MY_NOTIFICATIONS_PATH } from './paths';
