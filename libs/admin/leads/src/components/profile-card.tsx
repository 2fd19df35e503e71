import { useModalForm } from '@refinedev/antd';
import { EditOutlined, PhoneOutlined, WhatsAppOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Modal, Space, Typography, type DescriptionsProps } from 'antd';
import {
  formatInr,
  formatIstDateTime,
  formatPhone,
  LEAD_MODE_LABELS,
  LEAD_SOURCE_LABELS,
  PROGRAM_LEVEL_LABELS,
  type LeadView,
  type UpdateLeadBody,
} from '@advisordesk/shared';
import { useRefreshLead, type ApiRequestError } from '@advisordesk/admin-data';
import { STALE_MESSAGE } from '../lead-data';
import { whatsappUrl } from './contact-buttons';
import { LeadForm } from './lead-form';

const none = <Typography.Text type="secondary">—</Typography.Text>;

/** The phones of leads merged into this one: call or WhatsApp them like the lead's own. */
function AlternatePhones({ lead }: { lead: LeadView }) {
  return (
    <Space direction="vertical" size={2} data-testid="alternate-phones">
      {lead.alternatePhones.map((phone) => (
        <Space key={phone} size={4} wrap>
          <Typography.Text copyable={{ text: phone }}>{formatPhone(phone)}</Typography.Text>
          <Button
            size="small"
            type="text"
            icon={<PhoneOutlined />}
            href={`tel:${phone}`}
            aria-label={`Call ${lead.fullName} on ${formatPhone(phone)}`}
          />
          <Button
            size="small"
            type="text"
            icon={<WhatsAppOutlined style={{ color: '#25D366' }} />}
            href={whatsappUrl(phone)}
            target="_blank"
            rel="noopener noreferrer"
            aria-label={`WhatsApp ${lead.fullName} on ${formatPhone(phone)}`}
          />
        </Space>
      ))}
    </Space>
  );
}
const orNone = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? none : value);

/** A page address shown short, opening in a new tab. */
export function ShortUrl({ url }: { url: string | null | undefined }) {
  if (!url) return none;
  let label = url;
  try {
    const parsed = new URL(url);
    label = `${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    // not a full URL: show it as it is
  }
  return (
    <Typography.Link href={url} target="_blank" rel="noopener noreferrer" ellipsis style={{ maxWidth: '100%' }} title={url}>
      {label}
    </Typography.Link>
  );
}

/** Who the person is and where they came from; editable (with the version read) unless erased. */
export function ProfileCard({ lead, canEdit }: { lead: LeadView; canEdit: boolean }) {
  const refreshLead = useRefreshLead();
  const edit = useModalForm<LeadView, ApiRequestError, UpdateLeadBody>({
    resource: 'leads',
    action: 'edit',
    id: lead.id,
    redirect: false,
    mutationMode: 'pessimistic',
    warnWhenUnsavedChanges: true,
    successNotification: () => ({ type: 'success', description: 'Profile saved', message: `${lead.fullName} is up to date.` }),
    errorNotification: (error) =>
      error?.statusCode === 409
        ? {
            type: 'error',
            description: STALE_MESSAGE,
            message: `${error.message}. The latest details are loaded: make your change again.`,
          }
        : error?.errors && Object.keys(error.errors).length
          ? false
          : { type: 'error', description: 'Could not save the profile', message: error?.message ?? 'Please try again.' },
    onMutationSuccess: () => refreshLead(lead.id),
    onMutationError: (error) => {
      if (error.statusCode === 409) void refreshLead(lead.id);
    },
  });
  const formVersion = edit.query?.data?.data.version ?? lead.version;

  const items: DescriptionsProps['items'] = [
    {
      key: 'phone',
      label: 'Mobile',
      children: lead.phone ? <Typography.Text copyable={{ text: lead.phone }}>{formatPhone(lead.phone)}</Typography.Text> : none,
    },
    ...(lead.alternatePhones.length ? [{ key: 'alternate-phones', label: 'Other phones', children: <AlternatePhones lead={lead} /> }] : []),
    {
      key: 'email',
      label: 'Email',
      children: lead.email ? (
        <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
          {lead.email}
        </Typography.Text>
      ) : (
        none
      ),
    },
    { key: 'place', label: 'City', children: orNone([lead.city, lead.state].filter(Boolean).join(', ')) },
    { key: 'course', label: 'Course interest', children: orNone(lead.courseInterest) },
    {
      key: 'level',
      label: 'Level · mode',
      children: orNone([lead.level && PROGRAM_LEVEL_LABELS[lead.level], lead.mode && LEAD_MODE_LABELS[lead.mode]].filter(Boolean).join(' · ')),
    },
    { key: 'budget', label: 'Budget', children: lead.budgetPaise === null ? none : formatInr(lead.budgetPaise) },
    { key: 'qualification', label: 'Qualification', children: orNone(lead.qualification) },
    {
      key: 'experience',
      label: 'Work experience',
      children: lead.experienceYears === null ? none : `${lead.experienceYears} ${lead.experienceYears === 1 ? 'year' : 'years'}`,
    },
    { key: 'source', label: 'Source', children: LEAD_SOURCE_LABELS[lead.source] ?? lead.source },
    {
      key: 'campaign',
      label: 'Campaign',
      children: orNone([lead.utmCampaign, [lead.utmSource, lead.utmMedium].filter(Boolean).join(' / ')].filter(Boolean).join(' · ')),
    },
    ...(lead.utmTerm || lead.utmContent
      ? [{ key: 'utm-more', label: 'Term · content', children: [lead.utmTerm, lead.utmContent].filter(Boolean).join(' · ') }]
      : []),
    { key: 'landing', label: 'Landing page', children: <ShortUrl url={lead.landingUrl} /> },
    ...(lead.referrer ? [{ key: 'referrer', label: 'Came from', children: <ShortUrl url={lead.referrer} /> }] : []),
    { key: 'created', label: 'Created', children: formatIstDateTime(lead.createdAt) },
    { key: 'updated', label: 'Last change', children: formatIstDateTime(lead.updatedAt) },
  ];

  return (
    <Card
      title="Profile"
      size="small"
      extra={
        canEdit && (
          <Button size="small" icon={<EditOutlined />} onClick={() => edit.show(lead.id)}>
            Edit
          </Button>
        )
      }
      data-testid="lead-profile"
    >
      <Descriptions column={1} size="small" items={items} styles={{ label: { width: 132 } }} />
      <Modal {...edit.modalProps} title={`Edit ${lead.fullName}`} okText="Save changes" cancelText="Cancel" width={640}>
        <LeadForm
          mode="edit"
          formProps={{
            ...edit.formProps,
            onFinish: (values) => edit.formProps.onFinish?.({ ...values, version: formVersion }),
          }}
        />
      </Modal>
    </Card>
  );
}
