import { Alert, Card, Descriptions, Empty, Skeleton, Space, Tag, Typography, type DescriptionsProps } from 'antd';
import { formatIstDateTime, type InquiryView } from '@advisordesk/shared';
import { useLeadInquiries } from '../lead-data';
import { ShortUrl } from './profile-card';

const LABELS: Record<string, string> = {
  fullName: 'Name',
  name: 'Name',
  phone: 'Phone',
  email: 'Email',
  city: 'City',
  state: 'State',
  courseInterest: 'Course interest',
  level: 'Level',
  mode: 'Mode',
  message: 'Message',
  minor: 'Under 18',
  guardian: 'Guardian',
  consentNoticeVersion: 'Notice version',
  referrer: 'Came from',
};
const SKIP = new Set(['consent', 'utm', 'sourceUrl', 'website', 'company']);

const show = (value: unknown): string => {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>)
      .filter((v) => v !== null && v !== undefined && v !== '')
      .map(String)
      .join(' · ');
  return String(value);
};

/** One submission exactly as the person sent it: their words, consent ticks, UTM and landing page. */
function InquiryCard({ inquiry, index, total }: { inquiry: InquiryView; index: number; total: number }) {
  const payload = inquiry.payload ?? {};
  if (payload.erased === true) {
    return (
      <Card size="small" type="inner" title={`Enquiry ${total - index} · ${formatIstDateTime(inquiry.receivedAt)}`}>
        <Typography.Text type="secondary">Erased on request.</Typography.Text>
      </Card>
    );
  }
  const consent = (payload.consent ?? {}) as { whatsapp?: boolean; marketing?: boolean };
  const utm = Object.entries((payload.utm ?? {}) as Record<string, unknown>).filter(([, v]) => v !== null && v !== undefined && v !== '');
  const items: DescriptionsProps['items'] = Object.entries(payload)
    .filter(([key, value]) => !SKIP.has(key) && value !== null && value !== undefined && value !== '')
    .map(([key, value]) => ({
      key,
      label: LABELS[key] ?? key,
      children: <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{show(value)}</span>,
    }));
  items.push({
    key: 'consent',
    label: 'Consent ticked',
    children: (
      <Space size={4} wrap>
        <Tag color={consent.whatsapp ? 'green' : 'default'}>WhatsApp: {consent.whatsapp ? 'yes' : 'no'}</Tag>
        <Tag color={consent.marketing ? 'green' : 'default'}>Marketing: {consent.marketing ? 'yes' : 'no'}</Tag>
      </Space>
    ),
  });
  items.push({
    key: 'utm',
    label: 'UTM',
    children: utm.length ? (
      <Space size={4} wrap>
        {utm.map(([key, value]) => (
          <Tag key={key} bordered={false}>
            {key}: {show(value)}
          </Tag>
        ))}
      </Space>
    ) : (
      <Typography.Text type="secondary">none</Typography.Text>
    ),
  });
  items.push({
    key: 'landing',
    label: 'Landing page',
    children: <ShortUrl url={inquiry.sourceUrl ?? (typeof payload.sourceUrl === 'string' ? payload.sourceUrl : null)} />,
  });

  return (
    <Card size="small" type="inner" title={`Enquiry ${total - index} · ${formatIstDateTime(inquiry.receivedAt)}`} data-testid="inquiry">
      <Descriptions column={1} size="small" items={items} styles={{ label: { width: 130 } }} />
    </Card>
  );
}

/** Every form submission received for the lead, newest first. */
export function InquiriesList({ leadId }: { leadId: string }) {
  const {
    result: { data },
    query: { isLoading, isError, error },
  } = useLeadInquiries(leadId);
  if (isLoading) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (isError) return <Alert type="error" showIcon message="Could not load the enquiries" description={error?.message} />;
  if (!data?.length) return <Empty description="No form submissions: this lead was entered by hand" />;
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {data.map((inquiry, index) => (
        <InquiryCard key={inquiry.id} inquiry={inquiry} index={index} total={data.length} />
      ))}
    </Space>
  );
}
