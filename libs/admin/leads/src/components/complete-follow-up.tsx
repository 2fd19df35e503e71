import { useEffect, useState, type ReactNode } from 'react';
import { useOne } from '@refinedev/core';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, Modal, Radio, Typography, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  FOLLOW_UP_OUTCOME_LABELS,
  FOLLOW_UP_OUTCOMES,
  formatIstDateTime,
  nextStepFor,
  NOTE_MAX_LENGTH,
  type FollowUpOutcome,
  type LeadView,
  type NextFollowUpBody,
  type TaskView,
  type UpdateTaskBody,
} from '@advisordesk/shared';
import { useApiMutation, useRefreshLead } from '@advisordesk/admin-data';
import { optionsOf } from '@advisordesk/admin-ui';
import { istWallClock, wallClockToIso } from '../ist';
import { useChangeStatus } from '../use-lead-actions';
import { StatusChangeModal } from './status-change-modal';

/** The fields of the next step, in the outcome dialog and in the call composer. */
export interface NextStepValues {
  scheduleNext?: boolean;
  nextDueAt?: Dayjs;
  nextTitle?: string;
}

type TaskRef = Pick<TaskView, 'id' | 'title' | 'leadId' | 'leadName'>;

/** The next follow-up the form's values ask for, if any (and if the outcome has one). */
export function nextOf(outcome: FollowUpOutcome | undefined, values: NextStepValues): NextFollowUpBody | undefined {
  if (!outcome || !values.scheduleNext || !values.nextDueAt) return undefined;
  const kind = nextStepFor(outcome).kind;
  if (kind !== 'again' && kind !== 'pick') return undefined;
  return { dueAt: wallClockToIso(values.nextDueAt), title: values.nextTitle?.trim() || undefined };
}

/**
 * What comes next, proposed by the outcome (`nextStepFor`, one rule in `libs/shared`): again in
 * 2 hours, a time to pick (suggested), the lead marked lost, or nothing. The proposal is prefilled
 * each time the outcome changes, and editable.
 */
export function NextStepFields<T extends NextStepValues>({ form, outcome }: { form: FormInstance<T>; outcome: FollowUpOutcome | undefined }) {
  useEffect(() => {
    if (!outcome) return;
    const step = nextStepFor(outcome);
    if (step.kind === 'again' || step.kind === 'pick')
      form.setFieldsValue({ scheduleNext: true, nextDueAt: istWallClock(step.dueAt), nextTitle: step.title } as Parameters<
        FormInstance<T>['setFieldsValue']
      >[0]);
  }, [outcome, form]);
  const scheduleNext = Form.useWatch('scheduleNext', form);
  if (!outcome) return null;
  const step = nextStepFor(outcome);
  if (step.kind === 'lost')
    return (
      <Typography.Paragraph type="secondary" data-testid="next-step">
        Next: the lead is marked lost. You choose the reason after this.
      </Typography.Paragraph>
    );
  if (step.kind === 'none')
    return (
      <Typography.Paragraph type="secondary" data-testid="next-step">
        Next: no follow-up. Correct the number on the profile if you find the right one.
      </Typography.Paragraph>
    );
  const now = istWallClock();
  return (
    <div data-testid="next-step">
      <Form.Item name="scheduleNext" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>{step.kind === 'again' ? 'Call again (proposed: in 2 hours)' : 'Schedule the next follow-up'}</Checkbox>
      </Form.Item>
      {scheduleNext && (
        <Flex gap={8} wrap>
          <Form.Item
            name="nextDueAt"
            label="When (India time)"
            rules={[{ required: true, message: 'Pick a date and time' }]}
            style={{ flex: '1 1 200px', marginBottom: 8 }}
          >
            <DatePicker
              showTime={{ format: 'hh:mm A', minuteStep: 5, use12Hours: true }}
              format="DD MMM YYYY, hh:mm A"
              disabledDate={(day) => day.isBefore(now.startOf('day'))}
              aria-label="Next follow-up date and time"
              inputReadOnly
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Form.Item name="nextTitle" label="What to do" rules={[{ max: 200 }]} style={{ flex: '1 1 160px', marginBottom: 8 }}>
            <Input placeholder="Follow up" aria-label="Next follow-up" />
          </Form.Item>
        </Flex>
      )}
    </div>
  );
}

/**
 * After a follow-up is closed: a toast with Undo, which opens it again (and the API cancels the
 * follow-up its completion scheduled).
 */
export function useUndoToast() {
  const refreshLead = useRefreshLead();
  const { notification } = App.useApp();
  const reopen = useApiMutation<TaskView, TaskRef>({
    request: (task) => ({ path: `tasks/${encodeURIComponent(task.id)}`, method: 'patch', values: { done: false } satisfies UpdateTaskBody }),
    onSuccess: async (_, task) => {
      await refreshLead(task.leadId);
      notification.info({ key: `undo-${task.id}`, message: `Open again: ${task.title} (${task.leadName})`, duration: 4 });
    },
    onError: (error) => notification.error({ message: 'Could not undo', description: error.message }),
  });
  return (tasks: TaskRef[], summary: string, next?: NextFollowUpBody) => {
    const [first] = tasks;
    if (!first) return;
    const key = `undo-${first.id}`;
    notification.success({
      key,
      message: summary,
      description: next ? `Next follow-up: ${formatIstDateTime(next.dueAt)}` : undefined,
      duration: 10,
      btn: (
        <Button
          size="small"
          onClick={() => {
            notification.destroy(key);
            for (const task of tasks) reopen.mutate(task);
          }}
          data-testid="undo-follow-up"
        >
          Undo
        </Button>
      ),
    });
  };
}

interface OutcomeValues extends NextStepValues {
  outcome: FollowUpOutcome;
  note?: string;
}

const OUTCOME_OPTIONS = optionsOf(FOLLOW_UP_OUTCOMES, FOLLOW_UP_OUTCOME_LABELS);

/** Marks a lead lost with a reason after "not interested", through the same modal as the pipeline. */
function MarkLost({ leadId, onDone }: { leadId: string; onDone: () => void }) {
  const { result: lead } = useOne<LeadView>({ resource: 'leads', id: leadId, errorNotification: false });
  const change = useChangeStatus();
  if (!lead) return null;
  return (
    <StatusChangeModal
      open
      leadName={lead.fullName}
      from={lead.status}
      to="lost"
      loading={change.isPending}
      onCancel={onDone}
      onConfirm={(values) => change.mutate({ lead, change: { status: 'lost', ...values } }, { onSuccess: onDone })}
    />
  );
}

/**
 * Done on a follow-up: a small dialog asks how it ended (and a note), proposes the next follow-up
 * by the outcome, and closes it with one request; a toast offers Undo. "Not interested" then asks
 * for the reason the lead is lost. Answers the dialog to render and `start(task)`.
 */
export function useCompleteFollowUp(): { start: (task: TaskRef) => void; pendingId: string | undefined; dialog: ReactNode } {
  const [task, setTask] = useState<TaskRef>();
  const [lostLead, setLostLead] = useState<string>();
  const [form] = Form.useForm<OutcomeValues>();
  const outcome = Form.useWatch('outcome', form);
  const refreshLead = useRefreshLead();
  const undoToast = useUndoToast();
  const { notification } = App.useApp();
  const complete = useApiMutation<TaskView, { task: TaskRef; body: UpdateTaskBody }>({
    request: ({ task, body }) => ({ path: `tasks/${encodeURIComponent(task.id)}`, method: 'patch', values: body }),
    onSuccess: async (_, { task, body }) => {
      setTask(undefined);
      await refreshLead(task.leadId);
      undoToast([task], `Done: ${task.title} (${task.leadName}), ${FOLLOW_UP_OUTCOME_LABELS[body.outcome ?? 'done']}`, body.next);
      if (body.outcome === 'not_interested') setLostLead(task.leadId);
    },
    onError: (error) => notification.error({ message: 'Could not complete the follow-up', description: error.message }),
  });

  const dialog = (
    <>
      <Modal
        open={!!task}
        title={task ? `How did it go with ${task.leadName}?` : ''}
        okText="Complete"
        okButtonProps={{ loading: complete.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setTask(undefined)}
        destroyOnHidden
        width={520}
      >
        {task && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {task.title}
          </Typography.Paragraph>
        )}
        <Form<OutcomeValues>
          form={form}
          layout="vertical"
          name="follow-up-outcome"
          preserve={false}
          onFinish={(values) =>
            task &&
            complete.mutate({
              task,
              body: { done: true, outcome: values.outcome, note: values.note?.trim() || undefined, next: nextOf(values.outcome, values) },
            })
          }
        >
          <Form.Item name="outcome" label="Outcome" rules={[{ required: true, message: 'How did it end?' }]}>
            <Radio.Group optionType="button" options={OUTCOME_OPTIONS} style={{ display: 'flex', flexWrap: 'wrap', gap: 6 }} />
          </Form.Item>
          <Form.Item name="note" label="Note" rules={[{ max: NOTE_MAX_LENGTH }]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} placeholder="Optional" />
          </Form.Item>
          <NextStepFields form={form} outcome={outcome} />
        </Form>
      </Modal>
      {lostLead && <MarkLost leadId={lostLead} onDone={() => setLostLead(undefined)} />}
    </>
  );
  return {
    start: setTask,
    pendingId: complete.isPending ? complete.variables?.task.id : undefined,
    dialog,
  };
}
