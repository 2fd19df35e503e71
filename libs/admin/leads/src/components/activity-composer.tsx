import { useState } from 'react';
import { useInvalidate } from '@refinedev/core';
import { CalendarOutlined, FormOutlined, PhoneOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Form, Input, Radio, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  CALL_OUTCOME_LABELS,
  CALL_OUTCOMES,
  formatIstDateTime,
  NOTE_MAX_LENGTH,
  type ActivityView,
  type CallBody,
  type CallLoggedView,
  type CallOutcome,
  type CreateTaskBody,
  type LeadView,
  type NoteBody,
  type TaskView,
} from '@advisordesk/shared';
import { leadResource, useApiMutation, useRefreshLead } from '@advisordesk/admin-data';
import { optionsOf, PICKER_DATE_TIME_FORMAT, PICKER_TIME_FORMAT } from '@advisordesk/admin-ui';
import { followUpPresets, istWallClock, wallClockToIso } from '../ist';
import { leadPath } from '../lead-data';
import { nextOf, NextStepFields, useUndoToast, type NextStepValues } from './complete-follow-up';

type Tab = 'note' | 'call' | 'follow-up';

function NoteForm({ lead }: { lead: LeadView }) {
  const [form] = Form.useForm<{ text: string }>();
  const invalidate = useInvalidate();
  const { message, notification } = App.useApp();
  const add = useApiMutation<ActivityView, string>({
    request: (text) => ({ path: leadPath(lead.id, 'notes'), method: 'post', values: { text } satisfies NoteBody }),
    onSuccess: async () => {
      form.resetFields();
      await invalidate({ resource: leadResource(lead.id, 'timeline'), invalidates: ['resourceAll'] });
      message.success('Note added');
    },
    onError: (error) => notification.error({ message: 'Could not add the note', description: error.message }),
  });
  return (
    <Form form={form} layout="vertical" name="lead-note" onFinish={({ text }) => add.mutate(text.trim())}>
      <Form.Item name="text" label="Note" rules={[{ required: true, whitespace: true, message: 'Write the note first' }, { max: NOTE_MAX_LENGTH }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder="What was discussed, what they need, what comes next" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending} icon={<FormOutlined />}>
        Add note
      </Button>
    </Form>
  );
}

interface CallValues extends NextStepValues {
  outcome: CallOutcome;
  note?: string;
}

/**
 * A call's outcome and note; the follow-up due by now (if any) is closed with it by the API, and
 * the next one, proposed by the outcome, is scheduled in the same request. Undo opens it again.
 */
function CallForm({ lead }: { lead: LeadView }) {
  const [form] = Form.useForm<CallValues>();
  const outcome = Form.useWatch('outcome', form);
  const refreshLead = useRefreshLead();
  const undoToast = useUndoToast();
  const { message, notification } = App.useApp();
  const dueNow = !!lead.nextFollowUpAt && new Date(lead.nextFollowUpAt).getTime() <= Date.now();
  const log = useApiMutation<CallLoggedView, CallBody>({
    request: (call) => ({ path: leadPath(lead.id, 'calls'), method: 'post', values: call }),
    onSuccess: async (logged, call) => {
      form.resetFields();
      await refreshLead(lead.id);
      const summary = `Call logged: ${CALL_OUTCOME_LABELS[call.outcome]}`;
      if (logged.closedFollowUps.length)
        undoToast(logged.closedFollowUps, `${summary}; closed: ${logged.closedFollowUps.map((t) => t.title).join(', ')}`, call.next);
      else message.success(call.next ? `${summary}; next follow-up ${formatIstDateTime(call.next.dueAt)}` : summary);
    },
    onError: (error) => notification.error({ message: 'Could not log the call', description: error.message }),
  });
  return (
    <Form
      form={form}
      layout="vertical"
      name="lead-call"
      onFinish={(values) => log.mutate({ outcome: values.outcome, note: values.note?.trim() || undefined, next: nextOf(values.outcome, values) })}
    >
      {dueNow && (
        <Typography.Paragraph type="secondary" data-testid="call-closes-follow-up">
          A follow-up is due: logging this call completes it with the call&apos;s outcome.
        </Typography.Paragraph>
      )}
      <Form.Item name="outcome" label="Outcome" rules={[{ required: true, message: 'How did the call go?' }]}>
        <Radio.Group
          optionType="button"
          options={optionsOf(CALL_OUTCOMES, CALL_OUTCOME_LABELS)}
          style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }}
        />
      </Form.Item>
      <Form.Item name="note" label="Note" rules={[{ max: NOTE_MAX_LENGTH }]}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} placeholder="Optional" />
      </Form.Item>
      <NextStepFields form={form} outcome={outcome} />
      <Button type="primary" htmlType="submit" loading={log.isPending} icon={<PhoneOutlined />}>
        Log call
      </Button>
    </Form>
  );
}

function FollowUpForm({ lead }: { lead: LeadView }) {
  const [form] = Form.useForm<{ dueAt: Dayjs; title?: string }>();
  const refreshLead = useRefreshLead();
  const { message, notification } = App.useApp();
  const [presets] = useState(() => followUpPresets());
  const schedule = useApiMutation<TaskView, Omit<CreateTaskBody, 'leadId'>>({
    request: (body) => ({ path: 'tasks', method: 'post', values: { leadId: lead.id, ...body } satisfies CreateTaskBody }),
    onSuccess: async (_, body) => {
      form.resetFields();
      await refreshLead(lead.id);
      message.success(`Follow-up scheduled for ${formatIstDateTime(body.dueAt)}`);
    },
    onError: (error) => notification.error({ message: 'Could not schedule the follow-up', description: error.message }),
  });
  const now = istWallClock();
  return (
    <Form
      form={form}
      layout="vertical"
      name="lead-follow-up"
      onFinish={({ dueAt, title }) => schedule.mutate({ dueAt: wallClockToIso(dueAt), title: title?.trim() || undefined })}
    >
      <Form.Item label="When (India time)" required style={{ marginBottom: 8 }}>
        <Flex gap={6} wrap style={{ marginBottom: 8 }}>
          {presets.map((preset) => (
            <Button key={preset.label} size="small" onClick={() => form.setFieldsValue({ dueAt: preset.value })}>
              {preset.label}
            </Button>
          ))}
        </Flex>
        <Form.Item
          name="dueAt"
          noStyle
          rules={[
            { required: true, message: 'Pick a date and time' },
            {
              validator: (_, value?: Dayjs) =>
                !value || value.isAfter(istWallClock().subtract(1, 'minute'))
                  ? Promise.resolve()
                  : Promise.reject(new Error('Pick a time that has not passed')),
            },
          ]}
        >
          <DatePicker
            showTime={{ format: PICKER_TIME_FORMAT, minuteStep: 5, use12Hours: true }}
            format={PICKER_DATE_TIME_FORMAT}
            disabledDate={(day) => day.isBefore(now.startOf('day'))}
            placeholder="Pick a date and time"
            aria-label="Follow-up date and time"
            inputReadOnly
            style={{ width: '100%', maxWidth: 320 }}
          />
        </Form.Item>
      </Form.Item>
      <Form.Item name="title" label="What to do" rules={[{ max: 200 }]}>
        <Input placeholder="Follow up" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={schedule.isPending} icon={<CalendarOutlined />}>
        Schedule follow-up
      </Button>
    </Form>
  );
}

/** Add a note, log a call outcome or schedule a follow-up: the advisor's everyday actions on a lead. */
export function ActivityComposer({ lead }: { lead: LeadView }) {
  const [tab, setTab] = useState<Tab>('note');
  return (
    <Card size="small" styles={{ body: { paddingTop: 0 } }} data-testid="activity-composer">
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as Tab)}
        items={[
          { key: 'note', label: 'Note', icon: <FormOutlined />, children: <NoteForm lead={lead} /> },
          { key: 'call', label: 'Call', icon: <PhoneOutlined />, children: <CallForm lead={lead} /> },
          { key: 'follow-up', label: 'Follow-up', icon: <CalendarOutlined />, children: <FollowUpForm lead={lead} /> },
        ]}
      />
    </Card>
  );
}
