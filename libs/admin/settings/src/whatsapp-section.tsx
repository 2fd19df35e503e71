import { useEffect } from 'react';
import { useInvalidate } from '@refinedev/core';
import { App, Alert, Button, Card, Descriptions, Flex, Form, Input, Space, Switch, Tag, Typography } from 'antd';
import { DEFAULT_WHATSAPP_SETTINGS, formatIstDateTime, type WhatsappConnection, type WhatsappSettings } from '@advisordesk/shared';
import { useApiMutation, useWhatsappConnection, useWhatsappSettings, WHATSAPP_CONNECTION, WHATSAPP_SETTINGS } from '@advisordesk/admin-data';

/** Where each variable of the comparison template goes, as Meta must approve it. */
export const COMPARISON_TEMPLATE_VARIABLES = '{{1}} the student’s first name · {{2}} the comparison’s link · {{3}} the advisor’s name';

type SettingsForm = {
  comparisonName: string;
  comparisonLanguage: string;
  welcomeName: string;
  welcomeLanguage: string;
  welcomeEnabled: boolean;
  codeName: string;
  codeLanguage: string;
};

const toForm = (s: WhatsappSettings): SettingsForm => ({
  comparisonName: s.comparisonTemplate.name,
  comparisonLanguage: s.comparisonTemplate.language,
  welcomeName: s.welcomeTemplate?.name ?? '',
  welcomeLanguage: s.welcomeTemplate?.language ?? 'en',
  welcomeEnabled: s.welcomeEnabled,
  codeName: s.codeTemplate.name,
  codeLanguage: s.codeTemplate.language,
});

const fromForm = (f: SettingsForm): WhatsappSettings => ({
  comparisonTemplate: { name: f.comparisonName.trim(), language: f.comparisonLanguage.trim() },
  welcomeTemplate: f.welcomeName.trim() ? { name: f.welcomeName.trim(), language: f.welcomeLanguage.trim() || 'en' } : null,
  welcomeEnabled: f.welcomeName.trim() ? f.welcomeEnabled : false,
  codeTemplate: { name: f.codeName.trim(), language: f.codeLanguage.trim() },
});

/** A template every send needs: its approved name and its language, both required. */
function RequiredTemplateFields({ name, language }: { name: keyof SettingsForm; language: keyof SettingsForm }) {
  return (
    <Flex gap={12} wrap>
      <Form.Item
        name={name}
        label="Template name"
        rules={[{ required: true, whitespace: true, message: 'The name Meta approved it under' }]}
        style={{ flex: '2 1 220px' }}
      >
        <Input />
      </Form.Item>
      <Form.Item name={language} label="Language" rules={[{ required: true, whitespace: true }]} style={{ flex: '1 1 100px' }}>
        <Input placeholder="en" />
      </Form.Item>
    </Flex>
  );
}

function ConnectionState({ connection, canEdit }: { connection: WhatsappConnection | undefined; canEdit: boolean }) {
  const { notification } = App.useApp();
  const invalidate = useInvalidate();
  const check = useApiMutation<WhatsappConnection, void>({
    request: () => ({ path: `${WHATSAPP_CONNECTION.resource}/${WHATSAPP_CONNECTION.id}/check`, method: 'post' }),
    onSuccess: () => invalidate({ ...WHATSAPP_CONNECTION, invalidates: ['detail'] }),
    onError: (error) => notification.error({ message: 'Could not check the connection', description: error.message }),
  });
  if (!connection?.configured)
    return (
      <Alert
        type="info"
        showIcon
        message="WhatsApp sending is not connected"
        description="Set WHATSAPP_PHONE_NUMBER_ID, WHATSAPP_ACCESS_TOKEN, WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN on the server (the README says where to find them in Meta’s app dashboard). Until then advisors send from their own WhatsApp."
        data-testid="whatsapp-connection"
      />
    );
  const last = connection.check;
  return (
    <Flex vertical gap={8} data-testid="whatsapp-connection">
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>Connection</Typography.Text>
        {!last ? <Tag>Not checked yet</Tag> : last.ok ? <Tag color="green">Working</Tag> : <Tag color="red">Not working</Tag>}
        {canEdit && (
          <Button size="small" loading={check.isPending} onClick={() => check.mutate()}>
            Check connection
          </Button>
        )}
      </Flex>
      {last && (
        <Descriptions size="small" column={1} bordered styles={{ label: { width: 150 } }}>
          {last.ok ? (
            <>
              <Descriptions.Item label="Number">
                <span data-testid="whatsapp-display-number">{last.displayPhoneNumber ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label="Verified name">{last.verifiedName ?? '—'}</Descriptions.Item>
            </>
          ) : (
            <Descriptions.Item label="Error">
              <Typography.Text type="danger" data-testid="whatsapp-connection-error">
                {last.error}
              </Typography.Text>
            </Descriptions.Item>
          )}
          <Descriptions.Item label="Checked">{formatIstDateTime(last.at)}</Descriptions.Item>
        </Descriptions>
      )}
    </Flex>
  );
}

/**
 * "WhatsApp": whether sending is connected (and a check of the token and number, for admins), the
 * approved templates AdvisorDesk sends (comparison, welcome, one-time codes), and the welcome switch.
 * Admins edit; managers read.
 */
export function WhatsappSection({ canEdit }: { canEdit: boolean }) {
  const { message, notification } = App.useApp();
  const invalidate = useInvalidate();
  const connection = useWhatsappConnection();
  const settings = useWhatsappSettings();
  const [form] = Form.useForm<SettingsForm>();
  const welcomeName = Form.useWatch('welcomeName', form) ?? '';
  const loaded = settings.data?.data;
  useEffect(() => {
    if (loaded) form.setFieldsValue(toForm(loaded));
  }, [loaded, form]);
  const save = useApiMutation<WhatsappSettings, WhatsappSettings>({
    request: (values) => ({ path: `${WHATSAPP_SETTINGS.resource}/${WHATSAPP_SETTINGS.id}`, method: 'put', values }),
    onSuccess: async () => {
      await invalidate({ ...WHATSAPP_SETTINGS, invalidates: ['detail'] });
      message.success('WhatsApp settings saved');
    },
    onError: (error) => notification.error({ message: 'Could not save the WhatsApp settings', description: error.message }),
  });

  return (
    <Card title="WhatsApp" id="whatsapp" data-testid="whatsapp-settings">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        {connection.isError ? (
          <Alert type="error" showIcon message="Could not load the connection" description={connection.error?.message} />
        ) : (
          !connection.isLoading && <ConnectionState connection={connection.data?.data} canEdit={canEdit} />
        )}
        {settings.isError ? (
          <Alert
            type="error"
            showIcon
            message="Could not load the WhatsApp settings"
            description={settings.error?.message}
            action={
              <Button size="small" onClick={() => settings.refetch()}>
                Retry
              </Button>
            }
          />
        ) : (
          <Form
            form={form}
            layout="vertical"
            disabled={!canEdit || settings.isLoading}
            initialValues={toForm(DEFAULT_WHATSAPP_SETTINGS)}
            onFinish={(values) => save.mutate(fromForm(values))}
            requiredMark={false}
            name="whatsapp-settings"
          >
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              Comparison template
            </Typography.Title>
            <RequiredTemplateFields name="comparisonName" language="comparisonLanguage" />
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }} data-testid="whatsapp-template-variables">
              Variables: {COMPARISON_TEMPLATE_VARIABLES}
            </Typography.Paragraph>
            <Typography.Title level={5}>Welcome template (optional)</Typography.Title>
            <Flex gap={12} wrap>
              <Form.Item name="welcomeName" label="Template name" style={{ flex: '2 1 220px' }}>
                <Input placeholder="none" />
              </Form.Item>
              <Form.Item name="welcomeLanguage" label="Language" style={{ flex: '1 1 100px' }}>
                <Input placeholder="en" />
              </Form.Item>
            </Flex>
            <Flex gap={12} align="flex-start" style={{ marginBottom: 16 }}>
              <Form.Item name="welcomeEnabled" valuePropName="checked" noStyle>
                <Switch disabled={!canEdit || !welcomeName.trim()} aria-label="Send the welcome template" style={{ flex: 'none', marginTop: 2 }} />
              </Form.Item>
              <Typography.Text>
                Send the welcome template after a Quick Inquiry that agreed to WhatsApp messages{' '}
                <Typography.Text type="secondary">(its variable: {'{{1}}'} the student’s first name)</Typography.Text>
              </Typography.Text>
            </Flex>
            <Typography.Title level={5}>One-time code template (authentication)</Typography.Title>
            <RequiredTemplateFields name="codeName" language="codeLanguage" />
            <Typography.Paragraph type="secondary" style={{ marginTop: -8 }} data-testid="whatsapp-code-template-help">
              An authentication template approved by Meta, with a copy-code button; used to verify people asking about their data and minors’
              guardians
            </Typography.Paragraph>
            {canEdit && (
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                Save WhatsApp settings
              </Button>
            )}
          </Form>
        )}
      </Space>
    </Card>
  );
}
