import { useCallback } from 'react';
import { useInvalidate, useList, useOne } from '@refinedev/core';
import type { MarkReadBody, NotificationSettings, NotificationSettingsView, NotificationView, StreamTicket } from '@advisordesk/shared';
import { useApiMutation, type ApiRequestError } from '@advisordesk/admin-data';

export const NOTIFICATIONS = 'notifications';
/** `GET|PUT /api/me/notification-settings`: one record of the `me` resource. */
export const NOTIFICATION_SETTINGS = { resource: 'me', id: 'notification-settings' } as const;
/** While the stream is down, the count still refreshes this often (and when the window gets focus). */
export const UNREAD_REFRESH_MS = 60_000;
/** The drawer shows this many of the newest. */
export const DRAWER_PAGE_SIZE = 50;

/** How many of my notifications are unread (the list's `x-total-count`, one row asked for). */
export function useUnreadCount(enabled: boolean) {
  const { result, query } = useList<NotificationView, ApiRequestError>({
    resource: NOTIFICATIONS,
    filters: [{ field: 'unread', operator: 'eq', value: true }],
    pagination: { currentPage: 1, pageSize: 1 },
    errorNotification: false,
    queryOptions: { enabled, refetchInterval: UNREAD_REFRESH_MS, refetchOnWindowFocus: true },
  });
  return { count: query.data ? (result.total ?? 0) : undefined, query };
}

/** My newest notifications, newest first. */
export function useRecentNotifications(enabled: boolean) {
  return useList<NotificationView, ApiRequestError>({
    resource: NOTIFICATIONS,
    sorters: [{ field: 'id', order: 'desc' }],
    pagination: { currentPage: 1, pageSize: DRAWER_PAGE_SIZE },
    errorNotification: false,
    queryOptions: { enabled, refetchInterval: UNREAD_REFRESH_MS, refetchOnWindowFocus: true },
  });
}

/** The bell's count and the drawer's list asked for again (a notification arrived, or some were read). */
export function useRefreshNotifications() {
  const invalidate = useInvalidate();
  return useCallback(() => invalidate({ resource: NOTIFICATIONS, invalidates: ['list'] }), [invalidate]);
}

/** `POST /api/notifications/read {ids?}`: the ones given, or all of mine. */
export function useMarkRead() {
  const refresh = useRefreshNotifications();
  return useApiMutation<unknown, MarkReadBody>({
    request: (body) => ({ path: `${NOTIFICATIONS}/read`, method: 'post', values: body }),
    onSuccess: () => refresh(),
  });
}

/** `POST /api/notifications/stream-ticket`: opens the live stream once. */
export function useStreamTicket() {
  return useApiMutation<StreamTicket, void>({ request: () => ({ path: `${NOTIFICATIONS}/stream-ticket`, method: 'post' }) });
}

export function useNotificationSettings() {
  const { query } = useOne<NotificationSettingsView, ApiRequestError>({ ...NOTIFICATION_SETTINGS, errorNotification: false });
  return query;
}

export function useSaveNotificationSettings(callbacks: { onSaved: () => void; onError: (error: ApiRequestError) => void }) {
  const invalidate = useInvalidate();
  return useApiMutation<NotificationSettingsView, NotificationSettings>({
    request: (values) => ({ path: `${NOTIFICATION_SETTINGS.resource}/${NOTIFICATION_SETTINGS.id}`, method: 'put', values }),
    onSuccess: async () => {
      await invalidate({ ...NOTIFICATION_SETTINGS, invalidates: ['detail'] });
      callbacks.onSaved();
    },
    onError: callbacks.onError,
  });
}
