import { useState, type ReactNode } from 'react';
import { CheckOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form, Input, Modal, Radio, Typography, type ButtonProps } from 'antd';
import {
  DATA_REQUEST_KIND_LABELS,
  DATA_REQUEST_NOTE_MAX_LENGTH,
  formatPhone,
  type DataRequestOutcome,
  type DataRequestView,
} from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { useResolveRequest, useVerifyByCall } from '../data-requests-api';
import { resolveConsequence } from '../request-text';

interface NoteDialogProps<TValues> {
  open: boolean;
  title: string;
  okText: string;
  danger?: boolean;
  pending: boolean;
  name: string;
  initialValues?: Partial<TValues>;
  onCancel: () => void;
  onSubmit: (values: TValues) => Promise<unknown>;
  onValuesChange?: (values: TValues) => void;
  notePlaceholder: string;
  children?: ReactNode;
}

/** A dialog whose form ends in a required note; the API's refusal shows beside the field it names, or above the form. */
function NoteDialog<TValues extends { note: string }>({
  open,
  title,
  okText,
  danger,
  pending,
  name,
  initialValues,
  onCancel,
  onSubmit,
  onValuesChange,
  notePlaceholder,
  children,
}: NoteDialogProps<TValues>) {
  const [form] = Form.useForm<TValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (values: TValues) => {
    setFailure(null);
    try {
      await onSubmit({ ...values, note: values.note.trim() });
    } catch (error) {
      const apiError = error as ApiRequestError;
      const noteErrors = apiError.errors?.note;
      if (noteErrors) form.setFields([{ name: 'note' as never, errors: ([] as string[]).concat(noteErrors as string[]) }]);
      else setFailure(apiError.message);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="Cancel"
      onCancel={onCancel}
      onOk={() => form.submit()}
      okButtonProps={{ loading: pending, danger, 'data-testid': `${name}-confirm` } as ButtonProps}
      destroyOnHidden
    >
      <Form<TValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        initialValues={initialValues}
        onValuesChange={(_, values) => onValuesChange?.(values)}
        onFinish={submit}
        name={name}
      >
        {children}
        <Form.Item
          label="Note"
          name="note"
          rules={[{ required: true, whitespace: true, message: 'Write what was done or said: it stays with the request' }]}
          style={{ marginBottom: failure ? 12 : 0 }}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={DATA_REQUEST_NOTE_MAX_LENGTH}
            placeholder={notePlaceholder}
            aria-label="Note"
          />
        </Form.Item>
        {failure && <Alert type="error" showIcon message={failure} />}
      </Form>
    </Modal>
  );
}

/** "Verified by call": staff called the number and the person confirmed the request is theirs. */
export function VerifyByCallButton({ request }: { request: DataRequestView }) {
  const [open, setOpen] = useState(false);
  const { message } = App.useApp();
  const verify = useVerifyByCall(request.id);
  return (
    <>
      <Button icon={<PhoneOutlined />} onClick={() => setOpen(true)} data-testid="data-request-verify">
        Verified by call
      </Button>
      <NoteDialog<{ note: string }>
        open={open}
        title="Verified by call"
        okText="Mark verified"
        pending={verify.isPending}
        name="data-request-verify"
        onCancel={() => setOpen(false)}
        onSubmit={async (values) => {
          await verify.mutateAsync(values);
          message.success(`${request.reference} verified: the request is open and its clock has started`);
          setOpen(false);
        }}
        notePlaceholder="e.g. Called +91 98765 43210 at 11:20; she confirmed her name and the request"
      >
        <Typography.Paragraph type="secondary">
          Call {formatPhone(request.phone)} and confirm the person asked for “{DATA_REQUEST_KIND_LABELS[request.kind].toLowerCase()}”. The request
          then opens, and the days to answer it start.
        </Typography.Paragraph>
      </NoteDialog>
    </>
  );
}

interface ResolveValues {
  outcome: DataRequestOutcome;
  note: string;
}

/** "Resolve": done or refused, with a note; says first what "done" will do to the lead. */
export function ResolveButton({ request }: { request: DataRequestView }) {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<DataRequestOutcome>('done');
  const { message } = App.useApp();
  const resolve = useResolveRequest(request.id);
  const consequence = resolveConsequence(request, outcome);
  return (
    <>
      <Button
        type="primary"
        icon={<CheckOutlined />}
        onClick={() => {
          setOutcome('done');
          setOpen(true);
        }}
        data-testid="data-request-resolve"
      >
        Resolve
      </Button>
      <NoteDialog<ResolveValues>
        open={open}
        title={`Resolve ${request.reference}: ${DATA_REQUEST_KIND_LABELS[request.kind]}`}
        okText="Resolve"
        danger={consequence.destructive}
        pending={resolve.isPending}
        name="data-request-resolve"
        initialValues={{ outcome: 'done' }}
        onValuesChange={(values) => values.outcome && setOutcome(values.outcome)}
        onCancel={() => setOpen(false)}
        onSubmit={async (values) => {
          await resolve.mutateAsync(values);
          message.success(`${request.reference} resolved as ${values.outcome === 'done' ? 'done' : 'refused'}`);
          setOpen(false);
        }}
        notePlaceholder={
          outcome === 'done' ? 'e.g. Done as asked; told them by phone on 5 Dec' : 'e.g. The law requires us to keep payment records for 8 years'
        }
      >
        <Form.Item label="Outcome" name="outcome" rules={[{ required: true, message: 'Done or refused?' }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'done', label: 'Done' },
              { value: 'refused', label: 'Refused' },
            ]}
            aria-label="Outcome"
          />
        </Form.Item>
        <Alert
          type={consequence.destructive ? 'warning' : 'info'}
          showIcon
          message={consequence.text}
          style={{ marginBottom: 16 }}
          data-testid="data-request-consequence"
        />
      </NoteDialog>
    </>
  );
}
