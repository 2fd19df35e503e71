import { useEffect, useState } from 'react';
import { useGetIdentity } from '@refinedev/core';
import { App, Alert, Button, Card, Flex, Form, Grid, Skeleton, Space, Switch, Table, Typography, type TableColumnsType } from 'antd';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  kindsFor,
  NOTIFICATION_KIND_LABELS,
  type NotificationKind,
  type NotificationSettings,
  type UserView,
} from '@advisordesk/shared';
import { browserNotificationsWanted, browserPermission, setBrowserNotificationsWanted, turnOnBrowserNotifications } from './browser-notifications';
import { useNotificationSettings, useSaveNotificationSettings } from './notifications-api';

const EMAIL_NOT_CONNECTED = 'Email is not connected';

/** The switch for system notifications: this browser's, asked of the browser when turned on. */
function BrowserSwitch() {
  const { message } = App.useApp();
  const [on, setOn] = useState(() => browserNotificationsWanted() && browserPermission() === 'granted');
  const [asking, setAsking] = useState(false);
  const permission = browserPermission();
  const change = async (next: boolean) => {
    if (!next) {
      setBrowserNotificationsWanted(false);
      setOn(false);
      return;
    }
    setAsking(true);
    const answer = await turnOnBrowserNotifications();
    setAsking(false);
    setOn(answer === 'granted');
    if (answer === 'denied') message.warning('This browser blocks notifications from AdvisorDesk: allow them in the site settings first');
  };
  return (
    <Flex gap={12} align="flex-start">
      <Switch
        checked={on}
        loading={asking}
        disabled={permission === 'unsupported'}
        onChange={(next) => void change(next)}
        aria-label="Browser notifications"
        style={{ flex: 'none', marginTop: 2 }}
        data-testid="browser-notifications-switch"
      />
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong>Browser notifications</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {permission === 'unsupported'
            ? 'This browser cannot show notifications.'
            : permission === 'denied'
              ? 'Blocked in this browser: allow notifications for this site in its settings, then turn this on.'
              : 'While AdvisorDesk is open in a tab you are not looking at, new notifications also show as system notifications (this browser only).'}
        </Typography.Paragraph>
      </div>
    </Flex>
  );
}

type Row = { kind: NotificationKind };

/**
 * "My notifications": per kind, whether it shows in the bell and whether it comes by email (when
 * email is connected on the server), the morning digest, and this browser's system notifications.
 * Only the kinds the person's role can get are listed.
 */
export default function MyNotificationsPage() {
  const { message, notification } = App.useApp();
  const { data: user } = useGetIdentity<UserView>();
  const settings = useNotificationSettings();
  const loaded = settings.data?.data;
  const [form] = Form.useForm<NotificationSettings>();
  const narrow = Grid.useBreakpoint().sm === false;
  useEffect(() => {
    if (loaded) form.setFieldsValue({ bell: loaded.bell, email: loaded.email, digest: loaded.digest });
  }, [loaded, form]);
  const save = useSaveNotificationSettings({
    onSaved: () => message.success('Notification settings saved'),
    onError: (error) => notification.error({ message: 'Could not save your notification settings', description: error.message }),
  });
  const kinds = user ? kindsFor(user.role) : [];
  const emailConnected = loaded?.emailConnected ?? false;

  const submit = (values: NotificationSettings) => {
    // Kinds this role does not get stay off; the form holds only the ones listed.
    const base = loaded ?? DEFAULT_NOTIFICATION_SETTINGS;
    save.mutate({
      bell: { ...base.bell, ...values.bell },
      email: { ...base.email, ...values.email },
      digest: values.digest,
    });
  };

  const columns: TableColumnsType<Row> = [
    { title: 'Notify me when', dataIndex: 'kind', render: (kind: NotificationKind) => NOTIFICATION_KIND_LABELS[kind] },
    {
      title: 'In the bell',
      key: 'bell',
      align: 'center',
      width: narrow ? 76 : 110,
      render: (_, { kind }) => (
        <Form.Item name={['bell', kind]} valuePropName="checked" noStyle>
          <Switch size="small" aria-label={`${NOTIFICATION_KIND_LABELS[kind]}: in the bell`} />
        </Form.Item>
      ),
    },
    {
      title: 'By email',
      key: 'email',
      align: 'center',
      width: narrow ? 76 : 110,
      render: (_, { kind }) => (
        <Form.Item name={['email', kind]} valuePropName="checked" noStyle>
          <Switch
            size="small"
            disabled={!emailConnected}
            title={emailConnected ? undefined : EMAIL_NOT_CONNECTED}
            aria-label={`${NOTIFICATION_KIND_LABELS[kind]}: by email`}
          />
        </Form.Item>
      ),
    },
  ];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 760 }} data-testid="my-notifications">
      <Typography.Title level={3} style={{ margin: 0 }}>
        My notifications
      </Typography.Title>
      {settings.isError ? (
        <Alert
          type="error"
          showIcon
          message="Could not load your notification settings"
          description={settings.error?.message}
          action={
            <Button size="small" onClick={() => settings.refetch()}>
              Retry
            </Button>
          }
        />
      ) : !loaded ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <Form<NotificationSettings>
          form={form}
          initialValues={{ bell: loaded.bell, email: loaded.email, digest: loaded.digest }}
          onFinish={submit}
          name="notification-settings"
        >
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title="What to tell me" styles={{ body: { padding: 0 } }}>
              {!emailConnected && (
                <Alert
                  type="info"
                  showIcon
                  banner
                  message={`${EMAIL_NOT_CONNECTED}: the server has no SMTP_URL, so nothing is sent by email yet.`}
                  data-testid="email-not-connected"
                />
              )}
              {kinds.length === 0 ? (
                <Typography.Paragraph type="secondary" style={{ padding: 16, margin: 0 }}>
                  Your role gets no notifications.
                </Typography.Paragraph>
              ) : (
                <Table<Row>
                  rowKey="kind"
                  size="small"
                  columns={columns}
                  dataSource={kinds.map((kind) => ({ kind }))}
                  pagination={false}
                  data-testid="notification-kinds"
                />
              )}
            </Card>
            <Card title="Morning digest and this browser">
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <Flex gap={12} align="flex-start">
                  <Form.Item name="digest" valuePropName="checked" noStyle>
                    <Switch
                      disabled={!emailConnected}
                      aria-label="Morning digest"
                      style={{ flex: 'none', marginTop: 2 }}
                      data-testid="digest-switch"
                    />
                  </Form.Item>
                  <div style={{ minWidth: 0 }}>
                    <Typography.Text strong>Morning digest</Typography.Text>
                    <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                      At 8:00 am (India time), an email with the day’s follow-ups and the overdue ones.
                      {!emailConnected && ` ${EMAIL_NOT_CONNECTED}.`}
                    </Typography.Paragraph>
                  </div>
                </Flex>
                <BrowserSwitch />
              </Space>
            </Card>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              Save notification settings
            </Button>
          </Space>
        </Form>
      )}
    </Space>
  );
}
