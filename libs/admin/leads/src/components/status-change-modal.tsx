import { Form, Input, Modal, Select, Typography } from 'antd';
import { LEAD_STATUS_LABELS, LOST_REASON_LABELS, LOST_REASONS, NOTE_MAX_LENGTH, type LeadStatus, type StatusChangeBody } from '@advisordesk/shared';
import { optionsOf } from '@advisordesk/admin-ui';

/** What the move is confirmed with: the reason of a lead lost, and a note for the timeline. */
export type StatusChangeValues = Pick<StatusChangeBody, 'lostReason' | 'note'>;

const REASON_OPTIONS = optionsOf(LOST_REASONS, LOST_REASON_LABELS);

/**
 * Confirms a move: a lead marked lost needs a reason (from the fixed list); a note is optional
 * and goes on the timeline with the change.
 */
export function StatusChangeModal({
  open,
  leadName,
  from,
  to,
  loading,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  leadName: string;
  from?: LeadStatus;
  to?: LeadStatus;
  loading?: boolean;
  onCancel: () => void;
  onConfirm: (values: StatusChangeValues) => void;
}) {
  const [form] = Form.useForm<StatusChangeValues>();
  const lost = to === 'lost';

  return (
    <Modal
      open={open}
      title={lost ? `Why was ${leadName} lost?` : `Move ${leadName} to ${to ? LEAD_STATUS_LABELS[to] : '…'}`}
      okText={lost ? 'Mark as lost' : 'Move'}
      okButtonProps={{ danger: lost, loading }}
      cancelText="Cancel"
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
      width={460}
    >
      {from && to && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          From {LEAD_STATUS_LABELS[from]} to {LEAD_STATUS_LABELS[to]}.
        </Typography.Paragraph>
      )}
      <Form<StatusChangeValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        name="status-change"
        preserve={false}
        onFinish={(values) => onConfirm({ lostReason: lost ? values.lostReason : undefined, note: values.note?.trim() || undefined })}
      >
        {lost && (
          <Form.Item label="Reason" name="lostReason" rules={[{ required: true, message: 'Choose why the lead was lost' }]}>
            <Select options={REASON_OPTIONS} placeholder="Choose a reason" aria-label="Reason" />
          </Form.Item>
        )}
        <Form.Item label="Note" name="note" rules={[{ max: NOTE_MAX_LENGTH }]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={lost ? 'What happened, in a line (optional)' : 'Anything the next person should know (optional)'}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
