import { CheckCircleFilled, CloseCircleFilled, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Space, Typography, type DescriptionsProps } from 'antd';
import { formatIstDateTime, formatPhone, type LeadDetailView } from '@advisordesk/shared';
import { CopyField } from '@advisordesk/admin-ui';
import { ShortUrl } from './profile-card';

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
 * through which form and which version of the notice; a minor's guardian when there is one; the
 * link that withdraws it, to copy.
 */
export function ConsentCard({ lead }: { lead: LeadDetailView }) {
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
      children: lead.consentSource ? (
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
      children: lead.consentNoticeVersion ? `Version ${lead.consentNoticeVersion}` : <Typography.Text type="secondary">—</Typography.Text>,
    },
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
      data-testid="lead-consent"
    >
      {lead.isMinor && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="Under 18: a guardian consented"
          description={
            <span>
              {lead.guardianName ?? 'Guardian'}
              {lead.guardianPhone ? ` · ${formatPhone(lead.guardianPhone)}` : ''}
            </span>
          }
        />
      )}
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
