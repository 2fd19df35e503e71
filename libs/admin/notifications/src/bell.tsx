import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useApiUrl, useGetIdentity, useGo, useLink } from '@refinedev/core';
import { BellOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Drawer, Empty, Flex, Grid, Skeleton, Typography, theme } from 'antd';
import { formatIstTime, kindsFor, type NotificationView, type UserView } from '@advisordesk/shared';
import { groupByDay } from './day-groups';
import { showBrowserNotification } from './browser-notifications';
import { connectNotificationStream, type NotificationStream, type StreamState } from './notification-stream';
import { useMarkRead, useRecentNotifications, useRefreshNotifications, useStreamTicket, useUnreadCount } from './notifications-api';
import { MY_NOTIFICATIONS_PATH } from './paths';

const COUNT_IN_TITLE = /^\(\d+\+?\) /;

/** `(3) AdvisorDesk`: the unread count before whatever the page's title is, kept there when the page changes it. */
function useCountInTitle(count: number) {
  useEffect(() => {
    const apply = () => {
      const base = document.title.replace(COUNT_IN_TITLE, '');
      const next = count > 0 ? `(${count > 99 ? '99+' : count}) ${base}` : base;
      if (document.title !== next) document.title = next;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      document.title = document.title.replace(COUNT_IN_TITLE, '');
    };
  }, [count]);
}

/**
 * The live stream, opened once the drawer's list has loaded (so it replays whatever came after
 * it), closed when the bell goes (sign-out). Each new notification refreshes the count and list.
 */
function useNotificationStream(known: string[] | undefined, onNotification: (notification: NotificationView) => void) {
  const apiUrl = useApiUrl();
  const ticket = useStreamTicket();
  const takeTicket = useRef(ticket.mutateAsync);
  takeTicket.current = ticket.mutateAsync;
  const announce = useRef(onNotification);
  announce.current = onNotification;
  const knownRef = useRef(known);
  knownRef.current = known;
  const stream = useRef<NotificationStream | null>(null);
  const [state, setState] = useState<StreamState>('connecting');
  const ready = known !== undefined;

  useEffect(() => {
    if (!ready || typeof EventSource === 'undefined') return;
    const opened = connectNotificationStream({
      path: `${apiUrl}/notifications/stream`,
      known: knownRef.current,
      takeTicket: async () => (await takeTicket.current()).ticket,
      open: (url) => new EventSource(url),
      onNotification: (notification) => announce.current(notification),
      onStateChange: setState,
    });
    stream.current = opened;
    return () => {
      opened.close();
      stream.current = null;
    };
  }, [ready, apiUrl]);

  useEffect(() => {
    if (known) stream.current?.remember(known);
  }, [known]);
  return state;
}

function NotificationRow({ notification, onOpen }: { notification: NotificationView; onOpen: (notification: NotificationView) => void }) {
  const { token } = theme.useToken();
  const unread = notification.readAt === null;
  return (
    <button
      type="button"
      onClick={() => onOpen(notification)}
      data-testid="notification-item"
      data-unread={unread ? 'true' : 'false'}
      data-id={notification.id}
      style={{
        display: 'flex',
        gap: 10,
        width: '100%',
        textAlign: 'left',
        padding: '10px 12px',
        border: 'none',
        borderRadius: 8,
        background: unread ? token.colorInfoBg : 'transparent',
        cursor: 'pointer',
        font: 'inherit',
        color: 'inherit',
      }}
    >
      <span
        aria-hidden
        style={{ width: 8, height: 8, marginTop: 7, borderRadius: '50%', flex: 'none', background: unread ? token.colorPrimary : 'transparent' }}
      />
      {unread && <span className="sr-only">Unread: </span>}
      <span style={{ flex: 1, minWidth: 0 }}>
        <Flex justify="space-between" gap={8} align="baseline">
          <Typography.Text strong={unread} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
            {notification.title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap', flex: 'none' }}>
            {formatIstTime(notification.createdAt)}
          </Typography.Text>
        </Flex>
        {notification.body && (
          <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: '2px 0 0', fontSize: 13 }}>
            {notification.body}
          </Typography.Paragraph>
        )}
      </span>
    </button>
  );
}

/**
 * The header's bell: my unread count (live over the stream; every minute and on focus when the
 * stream is down), and a drawer of my notifications by day; opening one marks it read and goes to
 * its lead or application. The page title carries the count. Not shown to roles that get none.
 */
export function NotificationBell() {
  const { data: user } = useGetIdentity<UserView>();
  const enabled = !!user && kindsFor(user.role).length > 0;
  const [open, setOpen] = useState(false);
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const go = useGo();
  const Link = useLink();
  const unread = useUnreadCount(enabled);
  const {
    result: { data: recent },
    query: recentQuery,
  } = useRecentNotifications(enabled);
  const refresh = useRefreshNotifications();
  const markRead = useMarkRead();
  const count = unread.count ?? 0;
  useCountInTitle(enabled ? count : 0);

  const known = useMemo(() => (recentQuery.data ? recentQuery.data.data.map((n) => n.id) : undefined), [recentQuery.data]);
  const openLink = useCallback((link: string) => go({ to: link }), [go]);
  const onNotification = useCallback(
    (notification: NotificationView) => {
      void refresh();
      showBrowserNotification(notification, openLink);
    },
    [refresh, openLink],
  );
  const streamState = useNotificationStream(enabled ? known : undefined, onNotification);
  const groups = useMemo(() => groupByDay(recent), [recent]);

  if (!enabled) return null;

  const openNotification = (notification: NotificationView) => {
    if (notification.readAt === null) markRead.mutate({ ids: [notification.id] });
    if (notification.link) {
      setOpen(false);
      openLink(notification.link);
    }
  };

  return (
    <>
      <Badge count={count} size="small" offset={[-4, 4]} data-testid="notification-count" data-count={unread.count}>
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={count ? `Notifications, ${count} unread` : 'Notifications'}
          onClick={() => setOpen(true)}
          data-testid="notification-bell"
          data-stream={streamState}
        />
      </Badge>
      <Drawer
        title="Notifications"
        open={open}
        onClose={() => setOpen(false)}
        placement="right"
        width={phone ? '100%' : 420}
        styles={{ body: { padding: phone ? 8 : 12 } }}
        extra={
          <Button
            size="small"
            disabled={!count}
            loading={markRead.isPending && markRead.variables?.ids === undefined}
            onClick={() => markRead.mutate({})}
          >
            Mark all read
          </Button>
        }
        footer={
          <Link to={MY_NOTIFICATIONS_PATH} onClick={() => setOpen(false)} data-testid="notification-settings-link">
            <SettingOutlined /> Notification settings
          </Link>
        }
        data-testid="notification-drawer"
      >
        {recentQuery.isError && !recentQuery.data ? (
          <Alert
            type="error"
            showIcon
            message="Could not load your notifications"
            description={recentQuery.error?.message}
            action={
              <Button size="small" onClick={() => recentQuery.refetch()}>
                Retry
              </Button>
            }
          />
        ) : !recentQuery.data ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : groups.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="Nothing yet: new leads, follow-ups due and replies will show here" />
        ) : (
          groups.map((group) => (
            <section key={group.day} aria-label={group.heading} style={{ marginBottom: 12 }}>
              <Typography.Text type="secondary" strong style={{ display: 'block', fontSize: 12, padding: '4px 12px' }} data-testid="notification-day">
                {group.heading}
              </Typography.Text>
              <Flex vertical gap={2}>
                {group.notifications.map((notification) => (
                  <NotificationRow key={notification.id} notification={notification} onOpen={openNotification} />
                ))}
              </Flex>
            </section>
          ))
        )}
      </Drawer>
    </>
  );
}
