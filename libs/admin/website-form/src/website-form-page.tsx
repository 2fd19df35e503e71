import { useEffect, useMemo } from 'react';
import { useApiUrl, useCustom, useCustomMutation } from '@refinedev/core';
import { ExportOutlined, InfoCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Divider, Flex, Form, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { formatIstDateTime, type WebsiteFormSettings, type WebsiteFormSettingsBody } from '@advisordesk/shared';
import { CopyField } from '@advisordesk/admin-ui';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { CoursesList } from './courses-list';
import { OriginsList } from './origins-list';
import { NoticeEditor } from './notice-editor';
import { noticeChanged, SETTINGS_PATH, toFormValues, toPayload, type NoticeFormValues, type WebsiteFormValues } from './settings';

/**
 * Website form (admins): the snippets that put the Quick Inquiry form on the advisory's website,
 * the courses it offers, the websites allowed to use it, and the consent notice it shows (every
 * change of the notice is a new version; each lead keeps the version it was shown).
 */
export default function WebsiteFormPage() {
  const apiUrl = useApiUrl();
  const { notification } = App.useApp();
  const [form] = Form.useForm<WebsiteFormValues>();
  const url = `${apiUrl}${SETTINGS_PATH}`;

  const { query } = useCustom<WebsiteFormSettings, ApiRequestError>({ url, method: 'get', errorNotification: false });
  // (`result.data` is an empty object while loading: the query's own data is undefined until it arrives.)
  const settings = query.data?.data;
  const { mutate, mutation } = useCustomMutation<WebsiteFormSettings, ApiRequestError, WebsiteFormSettingsBody>();

  useEffect(() => {
    if (settings) form.setFieldsValue(toFormValues(settings));
  }, [settings, form]);

  const notice = Form.useWatch<NoticeFormValues | undefined>('notice', { form, preserve: true });
  const willVersion = useMemo(() => (settings && notice ? noticeChanged(settings, notice) : false), [settings, notice]);

  const save = () => {
    if (!settings) return;
    // Every language's fields, also those of tabs not shown.
    const values = form.getFieldsValue(true) as WebsiteFormValues;
    const before = settings.notice.version;
    mutate(
      {
        url,
        method: 'put',
        values: toPayload(values),
        successNotification: false,
        errorNotification: false,
      },
      {
        onSuccess: ({ data }) => {
          form.setFieldsValue(toFormValues(data));
          void query.refetch();
          notification.success({
            message: 'Website form saved',
            description:
              data.notice.version !== before
                ? `The consent notice is now version ${data.notice.version}; new inquiries record it.`
                : 'The form on your website uses the new settings at once.',
          });
        },
        onError: (error) => {
          const fields = Object.entries(error.errors ?? {}).map(([name, messages]) => ({
            // `courses.0.level` → ['courses', 0, 'level'], the row's field; `notice.contact.email` → the contact's email
            name: name.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) as ['courses', number, 'level'],
            errors: Array.isArray(messages) ? messages.map(String) : [String(messages)],
          }));
          if (fields.length) form.setFields(fields);
          else notification.error({ message: 'Could not save the website form', description: error.message });
        },
      },
    );
  };

  if (query.isError) {
    return (
      <Result
        status="warning"
        title="Could not load the website form settings"
        subTitle={query.error?.message}
        extra={
          <Button type="primary" onClick={() => query.refetch()}>
            Try again
          </Button>
        }
      />
    );
  }

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          Website form
        </Typography.Title>
        <Typography.Text type="secondary">
          The Quick Inquiry form for the advisory&apos;s website: every inquiry becomes a lead here, with its page, campaign and consent.
        </Typography.Text>
      </div>

      <Card title="Put the form on a website">
        {!settings ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : (
          <Space direction="vertical" size={20} style={{ width: '100%' }}>
            <CopyField
              testId="embed-snippet"
              title="Script (recommended)"
              display="code"
              copyLabel="Copy"
              copyAriaLabel="Copy the script snippet"
              value={settings.embedSnippet}
              description="Paste it where the form should appear, e.g. in a WordPress “Custom HTML” block. It fits the column it is in, works on phones, and records the page, referrer and utm_ tags."
            />
            <CopyField
              testId="iframe-snippet"
              title="Iframe"
              display="code"
              copyLabel="Copy"
              copyAriaLabel="Copy the iframe snippet"
              value={settings.iframeSnippet}
              description="For website builders that do not allow scripts. The page and campaign tags of the website are not recorded this way."
            />
            <div>
              <Typography.Title level={5} style={{ margin: 0 }}>
                Hosted page
              </Typography.Title>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
                A page of its own, for links in ads, emails and social posts (add utm_ tags to the link).
              </Typography.Paragraph>
              <Typography.Link
                href={settings.hostedUrl}
                target="_blank"
                rel="noopener noreferrer"
                copyable={{ text: settings.hostedUrl, tooltips: ['Copy the link', 'Copied'] }}
                style={{ wordBreak: 'break-all' }}
              >
                {settings.hostedUrl} <ExportOutlined aria-label="opens in a new tab" />
              </Typography.Link>
            </div>
            <Typography.Text type="secondary">
              <InfoCircleOutlined /> The website&apos;s address must be in “Allowed websites” below, or browsers will refuse to send its inquiries.
            </Typography.Text>
          </Space>
        )}
      </Card>

      <Form<WebsiteFormValues> form={form} layout="vertical" onFinish={save} disabled={!settings} requiredMark="optional">
        <Row gutter={[16, 16]}>
          <Col xs={24}>
            <Card title="Courses and websites">
              <Typography.Text strong>Courses offered in the form</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
                People pick one or “Not sure yet”; advisors pick a lead&apos;s course interest from the same list. The level and mode let leads be
                grouped and programs suggested.
              </Typography.Paragraph>
              <CoursesList />
              <Divider style={{ margin: '8px 0 16px' }} />
              <Typography.Text strong>Allowed websites</Typography.Text>
              <Typography.Paragraph type="secondary" style={{ margin: '4px 0 8px' }}>
                Only pages on these websites may send inquiries. Enter the address as it appears in the browser, without a page path, e.g.
                https://www.example.in. List the www and non-www addresses if the website uses both.
              </Typography.Paragraph>
              <OriginsList />
            </Card>
          </Col>
          <Col xs={24}>
            <Card title="Consent notice" extra={settings ? <Tag color="blue">Version {settings.notice.version}</Tag> : null}>
              {settings && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                  Shown next to the consent boxes, in the language the person picks: what is collected, why, how to withdraw, how to exercise rights,
                  how to complain to the Data Protection Board, and whom to contact. Version {settings.notice.version} since{' '}
                  {formatIstDateTime(settings.notice.createdAt)}; each lead keeps the version and the language it was shown.
                </Typography.Paragraph>
              )}
              <NoticeEditor />
              {settings && willVersion && (
                <Alert
                  type="warning"
                  showIcon
                  icon={<WarningOutlined />}
                  data-testid="notice-version-warning"
                  message={`Saving creates version ${settings.notice.version + 1} of the notice`}
                  description={`Leads keep the version they were shown (now ${settings.notice.version}); inquiries from then on record version ${settings.notice.version + 1}.`}
                  style={{ marginBottom: 16 }}
                />
              )}
            </Card>
          </Col>
        </Row>
        <Flex justify="end" gap={8} style={{ marginTop: 16 }}>
          <Button onClick={() => settings && form.setFieldsValue(toFormValues(settings))} disabled={!settings || mutation.isPending}>
            Undo changes
          </Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            Save
          </Button>
        </Flex>
      </Form>
    </Space>
  );
}
