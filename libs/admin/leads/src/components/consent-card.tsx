import { useState } from 'react';
import { CheckCircleFilled, CloseCircleFilled, EditOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Select, Space, Typography, type DescriptionsProps } from 'antd';
import {
  CONSENT_CHANNEL_LABELS,
  formatIstDateTime,
  noticeLanguage,
  NOTE_MAX_LENGTH,
  type ConsentChannel,
  type LeadDetailView,
  type RecordConsentBody,
} from '@advisordesk/shared';
import { useApiMutation, useRefreshLead } from '@advisordesk/admin-data';
import { CopyField } from '@advisordesk/admin-ui';
import { STALE_MESSAGE } from '../lead-data';
import { CONSENT_CHANNEL_OPTIONS } from './lead-form';
import { ShortUrl } from './profile-card';

interface ConsentFormValues {
  whatsapp: boolean;
  marketing: boolean;
  channel: ConsentChannel;
  note?: string;
}

/**
 * "Record consent": what the person told staff in person, by phone or by email. Sends what changed
 * (a tick given or taken back), or re-confirms what is ticked when nothing changed.
 */
function RecordConsent({ lead, open, onClose }: { lead: LeadDetailView; open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<ConsentFormValues>();
  const [nothing, setNothing] = useState(false);
  const refreshLead = useRefreshLead();
  const { message, notification } = App.useApp();
  const record = useApiMutation<LeadDetailView, RecordConsentBody>({
    request: (body) => ({ path: `leads/${encodeURIComponent(lead.id)}/consent`, method: 'post', values: body }),
    onSuccess: async () => {
      await refreshLead(lead.id);
      message.success('Consent recorded');
      onClose();
    },
    onError: async (error) => {
      if (error.statusCode === 409) {
        await refreshLead(lead.id);
        notification.warning({ message: STALE_MESSAGE, description: 'Look at the consent again and record it if it still applies.' });
        onClose();
        return;
      }
      notification.error({ message: 'Could not record the consent', description: error.message });
    },
  });
  const submit = (values: ConsentFormValues) => {
    const changed: Pick<RecordConsentBody, 'whatsapp' | 'marketing'> = {};
    if (values.whatsapp !== lead.consentWhatsapp) changed.whatsapp = values.whatsapp;
    if (values.marketing !== lead.consentMarketing) changed.marketing = values.marketing;
    if (!Object.keys(changed).length) {
      if (values.whatsapp) changed.whatsapp = true;
      if (values.marketing) changed.marketing = true;
    }
    if (!Object.keys(changed).length) {
      setNothing(true);
      return;
    }
    record.mutate({ ...changed, channel: values.channel, note: values.note?.trim() || undefined, version: lead.version });
  };
  return (
    <Modal
      open={open}
      title="Record consent"
      okText="Record"
      cancelText="Cancel"
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: record.isPending }}
      destroyOnHidden
    >
      <Form<ConsentFormValues>
        form={form}
        layout="vertical"
        requiredMark="optional"
        preserve={false}
        initialValues={{ whatsapp: lead.consentWhatsapp, marketing: lead.consentMarketing, channel: 'in_person' }}
        onValuesChange={() => setNothing(false)}
        onFinish={submit}
        name="record-consent"
      >
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          What {lead.fullName.split(/\s+/)[0]} told you. Untick to record that they withdrew it.
        </Typography.Paragraph>
        <Form.Item name="whatsapp" valuePropName="checked" style={{ marginBottom: 4 }}>
          <Checkbox>Agrees to WhatsApp messages</Checkbox>
        </Form.Item>
        <Form.Item name="marketing" valuePropName="checked" style={{ marginBottom: 12 }}>
          <Checkbox>Agrees to marketing messages</Checkbox>
        </Form.Item>
        {nothing && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message="Nothing to record: tick what they agreed to, or untick what they withdrew"
          />
        )}
        <Form.Item label="How they told you" name="channel" rules={[{ required: true, message: 'How did the person give it?' }]}>
          <Select options={CONSENT_CHANNEL_OPTIONS} aria-label="How they told you" />
        </Form.Item>
        <Form.Item label="Note" name="note" style={{ marginBottom: 0 }}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={NOTE_MAX_LENGTH}
            placeholder="e.g. Agreed at the front desk"
            aria-label="Note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Who recorded the current consent, how and when: "Priya Sharma, in person". */
function recordedBy(lead: LeadDetailView): string | null {
  const record = lead.consentRecord;
  if (!record) return null;
  if (record.via === 'staff') {
    const how = record.channel ? CONSENT_CHANNEL_LABELS[record.channel].toLowerCase() : 'by staff';
    return `${record.recordedByName ?? 'A colleague'}, ${how}, ${formatIstDateTime(record.at)}`;
  }
  if (record.via === 'link') return `The person, with the unsubscribe link, ${formatIstDateTime(record.at)}`;
  return null;
}

function YesNo({ yes, what }: { yes: boolean; what: string }) {
  return yes ? (
    <Typography.Text style={{ color: '#2e7d5b' }} data-consent="yes">
      <CheckCircleFilled /> Yes, agreed to {what}
    </Typography.Text>
  ) : (
    <Typography.Text type="danger" data-consent="no">
      <CloseCircleFilled /> No {what}
    </Typography.Text>
  );
}

/**
 * Consent as plainly as the law asks (India's DPDP Act): WhatsApp and marketing separately, when,
 * through which form and which version of the notice (a minor's guardian has a card of its own); the
 * link that withdraws it, to copy.
 */
export function ConsentCard({ lead, canEdit = false }: { lead: LeadDetailView; canEdit?: boolean }) {
  const [recording, setRecording] = useState(false);
  const by = recordedBy(lead);
  const items: DescriptionsProps['items'] = [
    { key: 'whatsapp', label: 'WhatsApp', children: <YesNo yes={lead.consentWhatsapp} what="WhatsApp messages" /> },
    { key: 'marketing', label: 'Marketing', children: <YesNo yes={lead.consentMarketing} what="marketing messages" /> },
    {
      key: 'when',
      label: 'Given',
      children: lead.consentAt ? formatIstDateTime(lead.consentAt) : <Typography.Text type="secondary">Not recorded</Typography.Text>,
    },
    {
      key: 'where',
      label: 'Through',
      children: by ? (
        <span data-testid="consent-recorded-by">{by}</span>
      ) : lead.consentSource ? (
        /^https?:\/\//.test(lead.consentSource) ? (
          <ShortUrl url={lead.consentSource} />
        ) : (
          lead.consentSource
        )
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
    },
    {
      key: 'notice',
      label: 'Notice shown',
      children: lead.consentNoticeVersion ? (
        `Version ${lead.consentNoticeVersion}${lead.consentLanguage ? `, in ${noticeLanguage(lead.consentLanguage)?.name ?? lead.consentLanguage}` : ''}`
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
    },
    ...(lead.consentRecord?.via === 'staff' && lead.consentRecord.note
      ? [{ key: 'note', label: 'Note', children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{lead.consentRecord.note}</Typography.Text> }]
      : []),
  ];
  return (
    <Card
      size="small"
      title={
        <Space size={8}>
          <SafetyCertificateOutlined />
          Consent
        </Space>
      }
      extra={
        canEdit ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => setRecording(true)}>
            Record consent
          </Button>
        ) : undefined
      }
      data-testid="lead-consent"
    >
      {canEdit && <RecordConsent lead={lead} open={recording} onClose={() => setRecording(false)} />}
      <Descriptions column={1} size="small" items={items} styles={{ label: { width: 110 } }} />
      {!lead.consentMarketing && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
          Not in marketing exports. Calls and replies about their own enquiry are fine.
        </Typography.Paragraph>
      )}
      {lead.unsubscribeUrl && (
        <div style={{ marginTop: 12 }}>
          <CopyField
            testId="unsubscribe-link"
            title="Unsubscribe link"
            display="input"
            copyLabel="Copy link"
            copyAriaLabel="Copy the unsubscribe link"
            value={lead.unsubscribeUrl}
            description="Every comparison message carries it. Send it whenever they ask how to stop our messages."
          />
        </div>
      )}
    </Card>
  );
}
