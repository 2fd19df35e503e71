import { useEffect, useRef, useState } from 'react';
import { useLink, useOne } from '@refinedev/core';
import { RedoOutlined, SendOutlined, WhatsAppOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Form, Grid, Input, Segmented, Select, Skeleton, Space, Tag, Typography } from 'antd';
import {
  formatIstDateTime,
  waDigits,
  WHATSAPP_STATUS_LABELS,
  WHATSAPP_TEMPLATE_MAX_VARIABLES,
  WHATSAPP_TEXT_MAX_LENGTH,
  type LeadDetailView,
  type WhatsappMessageView,
} from '@advisordesk/shared';
import { useAccess, useRefreshLead, useWhatsappConnection, WHATSAPP_SETTINGS_PATH, type ApiRequestError } from '@advisordesk/admin-data';
import { failureText, messageBody, ticksOf, whyNotSendable, windowIsOpen, windowText } from './conversation-text';
import { useConversation, useLeadComparisons, useRetryWhatsapp, useSendWhatsapp } from './whatsapp-api';

const WHATSAPP_GREEN = '#25D366';
const READ_BLUE = '#34B7F1';

function Bubble({ message, onRetry, retrying }: { message: WhatsappMessageView; onRetry?: () => void; retrying: boolean }) {
  const out = message.direction === 'out';
  const ticks = out ? ticksOf(message.status) : null;
  return (
    <Flex justify={out ? 'flex-end' : 'flex-start'} data-testid="whatsapp-message" data-direction={message.direction} data-status={message.status}>
      <div
        style={{
          maxWidth: '85%',
          minWidth: 0,
          padding: '6px 10px',
          borderRadius: 8,
          background: out ? '#d9fdd3' : '#fff',
          border: out ? '1px solid #c4ecbd' : '1px solid #e3e8ef',
          boxShadow: '0 1px 1px rgba(0,0,0,0.04)',
        }}
      >
        <Typography.Text
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontStyle: message.text ? undefined : 'italic' }}
          data-testid="whatsapp-message-text"
        >
          {messageBody(message)}
        </Typography.Text>
        <Flex justify="flex-end" gap={6} align="center" style={{ marginTop: 2 }}>
          <Typography.Text type="secondary" style={{ fontSize: 11, whiteSpace: 'nowrap' }}>
            {out && message.sentByName ? `${message.sentByName.split(/\s+/)[0]} · ` : ''}
            {formatIstDateTime(message.createdAt)}
          </Typography.Text>
          {out && message.status === 'queued' && (
            <Typography.Text type="secondary" style={{ fontSize: 11 }}>
              {WHATSAPP_STATUS_LABELS.queued}
            </Typography.Text>
          )}
          {ticks && (
            <span
              aria-label={WHATSAPP_STATUS_LABELS[message.status]}
              title={WHATSAPP_STATUS_LABELS[message.status]}
              style={{ fontSize: 12, letterSpacing: -3, color: ticks.read ? READ_BLUE : '#8c8c8c', paddingRight: 3 }}
              data-testid="whatsapp-ticks"
            >
              {ticks.marks}
            </span>
          )}
        </Flex>
        {out && message.status === 'failed' && (
          <Flex gap={8} align="center" wrap style={{ marginTop: 4 }} data-testid="whatsapp-failure">
            <Typography.Text type="danger" style={{ fontSize: 12, minWidth: 0 }}>
              {WHATSAPP_STATUS_LABELS.failed}: {failureText(message)}
            </Typography.Text>
            {onRetry && (
              <Button size="small" icon={<RedoOutlined />} loading={retrying} onClick={onRetry}>
                Retry
              </Button>
            )}
          </Flex>
        )}
      </div>
    </Flex>
  );
}

type TemplateForm = { name: string; language: string; variables: string[] };

/** What can be sent now: text while the window is open; outside it, the comparison template or another approved template. */
function Composer({ lead }: { lead: LeadDetailView }) {
  const { message } = App.useApp();
  const send = useSendWhatsapp(lead.id);
  const open = windowIsOpen(lead.whatsappWindowEndsAt);
  // What the advisor chose; until then free text while the window is open (it may open while the page is).
  const [chosen, setChosen] = useState<'text' | 'comparison' | 'template' | null>(null);
  const [text, setText] = useState('');
  const [comparisonId, setComparisonId] = useState<string | undefined>();
  const [form] = Form.useForm<TemplateForm>();
  const {
    result: { data: comparisons },
    query: comparisonsQuery,
  } = useLeadComparisons(lead.id, (chosen ?? (open ? 'text' : 'comparison')) === 'comparison');
  const current = chosen === null || (chosen === 'text' && !open) ? (open ? 'text' : 'comparison') : chosen;

  const fail = (error: ApiRequestError) => message.error(error.message);
  const queued = () => message.success('Queued: it leaves in a moment');

  const submit = async () => {
    if (current === 'text') {
      if (!text.trim()) return;
      send.mutate({ text: text.trim() }, { onSuccess: () => (setText(''), queued()), onError: fail });
    } else if (current === 'comparison') {
      if (comparisonId) send.mutate({ comparisonId }, { onSuccess: queued, onError: fail });
    } else {
      const values = await form.validateFields();
      send.mutate(
        { template: { name: values.name.trim(), language: values.language.trim(), variables: (values.variables ?? []).map((v) => v ?? '') } },
        { onSuccess: () => (form.resetFields(), queued()), onError: fail },
      );
    }
  };

  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }} data-testid="whatsapp-composer">
      <Segmented
        block
        value={current}
        onChange={(value) => setChosen(value as typeof current)}
        options={[
          ...(open ? [{ value: 'text', label: 'Text' }] : []),
          { value: 'comparison', label: 'Comparison' },
          { value: 'template', label: 'Template' },
        ]}
        aria-label="What to send"
      />
      {current === 'text' && (
        <Flex gap={8} align="flex-end">
          <Input.TextArea
            value={text}
            onChange={(event) => setText(event.target.value)}
            maxLength={WHATSAPP_TEXT_MAX_LENGTH}
            autoSize={{ minRows: 1, maxRows: 6 }}
            placeholder="Write a message"
            aria-label="WhatsApp message"
            onPressEnter={(event) => {
              if (!event.shiftKey) {
                event.preventDefault();
                void submit();
              }
            }}
          />
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={!text.trim()}
            loading={send.isPending}
            onClick={submit}
            aria-label="Send message"
          />
        </Flex>
      )}
      {current === 'comparison' && (
        <Flex gap={8} align="center" wrap>
          <Select
            style={{ flex: '1 1 220px', minWidth: 0 }}
            value={comparisonId}
            onChange={setComparisonId}
            loading={comparisonsQuery.isFetching}
            placeholder={comparisons.length || comparisonsQuery.isFetching ? 'Choose a comparison' : 'No comparison yet: create one in the shortlist'}
            aria-label="Comparison to send"
            options={comparisons.map((c) => ({
              value: c.id,
              label: `${c.programs} programs · ${formatIstDateTime(c.createdAt)}`,
            }))}
          />
          <Button type="primary" icon={<WhatsAppOutlined />} disabled={!comparisonId} loading={send.isPending} onClick={submit}>
            Send comparison
          </Button>
        </Flex>
      )}
      {current === 'template' && (
        <Form form={form} layout="vertical" initialValues={{ language: 'en', variables: [] }} requiredMark={false} name="whatsapp-template">
          <Flex gap={8} wrap>
            <Form.Item
              name="name"
              label="Approved template"
              rules={[{ required: true, whitespace: true, message: 'The template’s name as approved by Meta' }]}
              style={{ flex: '2 1 180px', marginBottom: 8 }}
            >
              <Input placeholder="e.g. follow_up" />
            </Form.Item>
            <Form.Item name="language" label="Language" rules={[{ required: true, whitespace: true }]} style={{ flex: '1 1 80px', marginBottom: 8 }}>
              <Input placeholder="en" />
            </Form.Item>
          </Flex>
          <Form.List name="variables">
            {(fields, { add, remove }) => (
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={6} align="center">
                    <Typography.Text type="secondary" style={{ width: 40, flex: 'none' }}>{`{{${index + 1}}}`}</Typography.Text>
                    <Form.Item
                      {...field}
                      style={{ flex: 1, margin: 0 }}
                      rules={[{ required: true, whitespace: true, message: 'Fill it or remove it' }]}
                    >
                      <Input aria-label={`Variable ${index + 1}`} />
                    </Form.Item>
                    <Button type="text" onClick={() => remove(field.name)} aria-label={`Remove variable ${index + 1}`}>
                      ✕
                    </Button>
                  </Flex>
                ))}
                <Flex justify="space-between" gap={8} wrap>
                  <Button size="small" disabled={fields.length >= WHATSAPP_TEMPLATE_MAX_VARIABLES} onClick={() => add('')}>
                    Add a variable
                  </Button>
                  <Button type="primary" icon={<WhatsAppOutlined />} loading={send.isPending} onClick={submit}>
                    Send template
                  </Button>
                </Flex>
              </Space>
            )}
          </Form.List>
        </Form>
      )}
    </Space>
  );
}

/**
 * A lead's WhatsApp conversation: the messages both ways (ticks, failures with a retry), the
 * 24-hour window, and what may be sent now. Asks for new messages every few seconds while open.
 * Not connected: says so, and the click-to-chat link stays.
 */
export function WhatsappPanel({ leadId }: { leadId: string }) {
  const Link = useLink();
  const screens = Grid.useBreakpoint();
  const { message } = App.useApp();
  const { role, canWrite } = useAccess();
  const connection = useWhatsappConnection();
  const { result: lead } = useOne<LeadDetailView, ApiRequestError>({ resource: 'leads', id: leadId, errorNotification: false });
  const configured = connection.data?.data.configured === true;
  const {
    result: { data: messages },
    query: conversation,
  } = useConversation(leadId, configured);
  const retry = useRetryWhatsapp(leadId);
  const refreshLead = useRefreshLead();
  const scroller = useRef<HTMLDivElement>(null);
  const last = messages[messages.length - 1]?.id;
  const lastInbound = messages.filter((m) => m.direction === 'in').pop()?.id;
  const seenInbound = useRef<string | undefined>(undefined);

  // The newest message in view, as in any chat.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = scroller.current.scrollHeight;
  }, [last]);

  // A new reply opens the window and goes on the timeline: the lead is read again.
  const loaded = conversation.isSuccess;
  useEffect(() => {
    if (!loaded) return;
    if (seenInbound.current !== undefined && (lastInbound ?? '') !== seenInbound.current) void refreshLead(leadId);
    seenInbound.current = lastInbound ?? '';
  }, [loaded, lastInbound, leadId, refreshLead]);

  if (connection.isLoading || !lead) return <Skeleton active paragraph={{ rows: 3 }} />;

  const title = (
    <Space size={6}>
      <WhatsAppOutlined style={{ color: WHATSAPP_GREEN }} />
      WhatsApp
    </Space>
  );

  if (!configured) {
    return (
      <Card title={title} size="small" data-testid="whatsapp-panel" data-configured="false">
        <Alert
          type="info"
          showIcon
          message={connection.isError ? 'Could not tell whether WhatsApp sending is connected' : 'WhatsApp sending is not connected'}
          description={
            <Space direction="vertical" size={4}>
              <span>Messages to this lead are sent from your own WhatsApp; replies do not come back here.</span>
              {role === 'admin' && <Link to={WHATSAPP_SETTINGS_PATH}>Connect it in Settings</Link>}
            </Space>
          }
        />
        {lead.phone && (
          <Button
            style={{ marginTop: 12 }}
            icon={<WhatsAppOutlined style={{ color: WHATSAPP_GREEN }} />}
            href={`https://wa.me/${waDigits(lead.phone)}`}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="whatsapp-click-to-chat"
          >
            Open a chat on WhatsApp
          </Button>
        )}
      </Card>
    );
  }

  const blocked = whyNotSendable(connection.data?.data, lead);
  const mayWrite = canWrite('leads');
  const open = windowIsOpen(lead.whatsappWindowEndsAt);

  return (
    <Card
      title={title}
      size="small"
      data-testid="whatsapp-panel"
      data-configured="true"
      extra={
        <Tag color={open ? 'green' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="whatsapp-window">
          {windowText(lead.whatsappWindowEndsAt)}
        </Tag>
      }
      styles={{ body: { padding: 0 } }}
    >
      <div
        ref={scroller}
        style={{ maxHeight: screens.lg ? 420 : 360, overflowY: 'auto', background: '#efeae2', padding: 10 }}
        data-testid="whatsapp-conversation"
      >
        {conversation.isLoading ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : conversation.isError ? (
          <Alert type="error" showIcon message="Could not load the conversation" description={conversation.error?.message} />
        ) : messages.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No WhatsApp messages yet" />
        ) : (
          <Space direction="vertical" size={6} style={{ width: '100%' }}>
            {messages.map((m) => (
              <Bubble
                key={m.id}
                message={m}
                retrying={retry.isPending && retry.variables === m.id}
                onRetry={mayWrite && !blocked ? () => retry.mutate(m.id, { onError: (error) => message.error(error.message) }) : undefined}
              />
            ))}
          </Space>
        )}
      </div>
      {mayWrite && (
        <div style={{ padding: 10, borderTop: '1px solid #f0f0f0' }}>
          {blocked ? <Alert type="warning" showIcon message={blocked} data-testid="whatsapp-blocked" /> : <Composer lead={lead} />}
        </div>
      )}
    </Card>
  );
}
