import { useEffect, useState } from 'react';
import { useLink } from '@refinedev/core';
import { Alert, DatePicker, Form, Input, List, Modal, Progress, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import {
  BULK_ACTION_LABELS,
  BULK_SKIP_REASON_LABELS,
  LEAD_STATUS_LABELS,
  LEAD_STATUSES,
  LOST_REASON_LABELS,
  LOST_REASONS,
  NOTE_MAX_LENGTH,
  type BulkAction,
  type BulkActionBody,
  type BulkResult,
  type LeadStatus,
  type LostReason,
} from '@advisordesk/shared';
import type { AdvisorOption } from '@advisordesk/admin-data';
import { optionsOf, PICKER_DATE_TIME_FORMAT, PICKER_TIME_FORMAT } from '@advisordesk/admin-ui';
import { istWallClock, wallClockToIso } from '../ist';
import { bulkBody, isBulkOperationQueued, useBulkOperation, useRunBulkAction, type BulkSelection } from '../use-bulk-actions';

const STATUS_OPTIONS = optionsOf(LEAD_STATUSES, LEAD_STATUS_LABELS);
const REASON_OPTIONS = optionsOf(LOST_REASONS, LOST_REASON_LABELS);

interface ActionValues {
  advisorId?: string;
  status?: LeadStatus;
  lostReason?: LostReason;
  note?: string;
  dueAt?: Dayjs;
  text?: string;
}

/** The action's fields as the API takes them (`checkBulkRequest` on the server names what is missing). */
function actionFields(action: BulkAction, values: ActionValues): Omit<BulkActionBody, 'ids' | 'filter' | 'versions'> {
  switch (action) {
    case 'assign':
      return { action, advisorId: values.advisorId };
    case 'status':
      return {
        action,
        status: values.status,
        ...(values.status === 'lost' ? { lostReason: values.lostReason } : {}),
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      };
    case 'followUp':
      return { action, dueAt: values.dueAt ? wallClockToIso(values.dueAt) : undefined, ...(values.text?.trim() ? { text: values.text.trim() } : {}) };
    case 'note':
      return { action, text: values.text?.trim() };
  }
}

const countOf = (n: number) => `${n.toLocaleString('en-IN')} ${n === 1 ? 'lead' : 'leads'}`;

/**
 * One bulk action: its fields, a confirmation saying how many leads will change, then what
 * happened: the leads updated and each one skipped with why (a link to it); a background
 * operation shows its progress until it is done.
 */
export function BulkActionDialog({
  action,
  selection,
  advisors,
  onClose,
  onChanged,
}: {
  action: BulkAction | null;
  selection: BulkSelection | null;
  advisors: AdvisorOption[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const [form] = Form.useForm<ActionValues>();
  const run = useRunBulkAction();
  const [result, setResult] = useState<BulkResult | null>(null);
  const [operationId, setOperationId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { operation } = useBulkOperation(operationId);
  const status = Form.useWatch('status', form);
  const open = action !== null && selection !== null;
  const count = selection ? (selection.kind === 'rows' ? selection.ids.length : selection.total) : 0;
  const finished = result !== null || operation?.status === 'done' || operation?.status === 'failed';

  useEffect(() => {
    if (!open) {
      setResult(null);
      setOperationId(null);
      setProblem(null);
    }
  }, [open]);
  useEffect(() => {
    if (operation?.status === 'done' || operation?.status === 'failed') onChanged();
  }, [operation?.status, onChanged]);

  const submit = (values: ActionValues) => {
    if (!action || !selection) return;
    setProblem(null);
    run.mutate(bulkBody(selection, actionFields(action, values)), {
      onSuccess: (answer) => {
        if (isBulkOperationQueued(answer)) setOperationId(answer.operationId);
        else {
          setResult(answer);
          onChanged();
        }
      },
      onError: (error) => setProblem(error.message),
    });
  };

  const shown: BulkResult | null = result ?? (operation && finished ? operation : null);
  const running = operationId !== null && !finished;

  return (
    <Modal
      open={open}
      title={action ? `${BULK_ACTION_LABELS[action]}: ${countOf(count)}` : ''}
      okText={shown || running ? 'Close' : `${action ? BULK_ACTION_LABELS[action] : 'Apply'} (${countOf(count)})`}
      okButtonProps={{ loading: run.isPending, disabled: running, danger: !shown && status === 'lost' }}
      cancelButtonProps={{ style: shown || running ? { display: 'none' } : undefined }}
      cancelText="Cancel"
      onOk={() => (shown || running ? onClose() : form.submit())}
      onCancel={onClose}
      destroyOnHidden
      width={520}
      data-testid="bulk-action-dialog"
    >
      {!shown && !running && (
        <Form<ActionValues> form={form} layout="vertical" requiredMark="optional" name="bulk-action" preserve={false} onFinish={submit}>
          <Typography.Paragraph>
            This will change <strong data-testid="bulk-count">{countOf(count)}</strong>
            {selection?.kind === 'filter' ? ', every lead matching the filters' : ''}. Each lead gets its own timeline entry; a lead that changed
            meanwhile or that the rules do not allow is skipped and listed.
          </Typography.Paragraph>
          {action === 'assign' && (
            <Form.Item label="Advisor" name="advisorId" rules={[{ required: true, message: 'Choose the advisor' }]}>
              <Select
                options={advisors.map((a) => ({ value: a.id, label: a.name }))}
                placeholder="Choose an advisor"
                aria-label="Advisor"
                showSearch
                optionFilterProp="label"
              />
            </Form.Item>
          )}
          {action === 'status' && (
            <>
              <Form.Item label="New status" name="status" rules={[{ required: true, message: 'Choose the status' }]}>
                <Select options={STATUS_OPTIONS} placeholder="Choose a status" aria-label="New status" />
              </Form.Item>
              {status === 'lost' && (
                <Form.Item label="Reason" name="lostReason" rules={[{ required: true, message: 'Choose why the leads were lost' }]}>
                  <Select options={REASON_OPTIONS} placeholder="Choose a reason" aria-label="Reason" />
                </Form.Item>
              )}
              <Form.Item label="Note" name="note" rules={[{ max: NOTE_MAX_LENGTH }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} placeholder="On each lead's timeline with the change (optional)" />
              </Form.Item>
            </>
          )}
          {action === 'followUp' && (
            <>
              <Form.Item label="When" name="dueAt" rules={[{ required: true, message: 'Pick a date and time' }]}>
                <DatePicker
                  showTime={{ format: PICKER_TIME_FORMAT, minuteStep: 5, use12Hours: true }}
                  format={PICKER_DATE_TIME_FORMAT}
                  disabledDate={(day) => day.isBefore(istWallClock().startOf('day'))}
                  placeholder="Pick a date and time"
                  aria-label="Follow-up date and time"
                  inputReadOnly
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item label="What to do" name="text" rules={[{ max: 200 }]}>
                <Input placeholder="Follow up" />
              </Form.Item>
            </>
          )}
          {action === 'note' && (
            <Form.Item label="Note" name="text" rules={[{ required: true, whitespace: true, message: 'Write the note' }, { max: NOTE_MAX_LENGTH }]}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} placeholder="Added to each lead's timeline" aria-label="Note" />
            </Form.Item>
          )}
          {problem && <Alert type="error" showIcon message={problem} />}
        </Form>
      )}
      {running && (
        <Space direction="vertical" style={{ width: '100%' }} data-testid="bulk-progress">
          <Typography.Text>Working through {countOf(operation?.total ?? count)} in the background; you may close this.</Typography.Text>
          <Progress percent={operation && operation.total ? Math.floor((operation.processed / operation.total) * 100) : 0} />
        </Space>
      )}
      {shown && <BulkOutcome result={shown} failed={operation?.status === 'failed' ? (operation.error ?? 'The operation failed') : null} />}
    </Modal>
  );
}

/** What a bulk action did: how many leads changed, and each skipped lead (a link) with why. */
function BulkOutcome({ result, failed }: { result: BulkResult; failed: string | null }) {
  const Link = useLink();
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="bulk-result">
      {failed && <Alert type="error" showIcon message="Stopped before the end" description={failed} />}
      <Alert
        type={result.skipped.length ? 'warning' : 'success'}
        showIcon
        message={`${countOf(result.updated)} updated${result.skipped.length ? `, ${result.skipped.length.toLocaleString('en-IN')} skipped` : ''}`}
      />
      {result.skipped.length > 0 && (
        <List
          size="small"
          bordered
          style={{ maxHeight: 260, overflowY: 'auto' }}
          dataSource={result.skipped}
          pagination={result.skipped.length > 50 ? { pageSize: 50, size: 'small' } : false}
          renderItem={(skip) => (
            <List.Item>
              <Space wrap size={8}>
                <Link to={`/leads/${skip.id}`}>Lead {skip.id.slice(0, 8)}</Link>
                <Typography.Text type="secondary">{BULK_SKIP_REASON_LABELS[skip.reason]}</Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
