import { useState } from 'react';
import { useLink } from '@refinedev/core';
import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Divider, Flex, Typography } from 'antd';
import {
  formatCalendarDay,
  formatInr,
  istDate,
  type ApplicationView,
  type Role,
  APPLICATION_OPEN_STATUSES,
  type ApplicationStatus,
} from '@advisordesk/shared';
import { deadlineInfo, paidText } from '../application-text';
import { ApplicationEditDialog } from './application-edit';
import { ApplicationStatusMenu } from './application-status';
import { DocumentsChecklist } from './documents-checklist';
import { Payments } from './payments';
import { UploadLink } from './upload-link';

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div style={{ minWidth: 0, flex: '1 1 140px' }} data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {label}
      </Typography.Text>
      <div style={{ overflowWrap: 'anywhere' }}>{children}</div>
    </div>
  );
}

/** "5 days left" beside the date, red from three days before; a closed or enrolled application's deadline is only its date. */
export function DeadlineText({ deadline, status, withDate = true }: { deadline: string | null; status: ApplicationStatus; withDate?: boolean }) {
  const info = deadlineInfo(deadline, istDate());
  if (!deadline) return <Typography.Text type="secondary">{info.text}</Typography.Text>;
  if (!APPLICATION_OPEN_STATUSES.includes(status))
    return (
      <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
        {formatCalendarDay(deadline)}
      </Typography.Text>
    );
  return (
    <span data-urgent={info.urgent ? 'true' : undefined}>
      {withDate && <span style={{ whiteSpace: 'nowrap' }}>{formatCalendarDay(deadline)} · </span>}
      <Typography.Text type={info.urgent ? 'danger' : undefined} strong={info.urgent} style={{ whiteSpace: 'nowrap' }}>
        {info.text}
      </Typography.Text>
    </span>
  );
}

/** One application of a lead: what it is, how far it is, its documents, payments and the student's upload link. */
export function ApplicationCard({
  application,
  role,
  canEdit,
  canDeletePayments,
}: {
  application: ApplicationView;
  role: Role | undefined;
  canEdit: boolean;
  canDeletePayments: boolean;
}) {
  const Link = useLink();
  const [editing, setEditing] = useState(false);
  return (
    <Card
      size="small"
      data-testid="application-card"
      data-program={application.programName}
      title={
        <div style={{ whiteSpace: 'normal', padding: '4px 0' }}>
          <Link to={`/programs/show/${application.programId}`} style={{ fontWeight: 600 }}>
            {application.programName}
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13, fontWeight: 400 }}>
            {application.universityName} · {application.session}
          </Typography.Text>
        </div>
      }
      extra={<ApplicationStatusMenu application={application} role={role} canEdit={canEdit} />}
      styles={{ header: { alignItems: 'flex-start', paddingTop: 8 } }}
    >
      <Flex gap={12} wrap>
        <Fact label="Deadline" testId="application-deadline">
          <DeadlineText deadline={application.deadline} status={application.status} />
        </Fact>
        <Fact label="University application no.">
          {application.universityApplicationNo ?? <Typography.Text type="secondary">not yet</Typography.Text>}
        </Fact>
        <Fact label="Paid" testId="application-paid">
          <span style={{ fontVariantNumeric: 'tabular-nums' }}>{paidText(application.paidPaise, application.feeTotalPaise)}</span>
        </Fact>
      </Flex>
      {application.note && (
        <Typography.Paragraph style={{ margin: '8px 0 0', whiteSpace: 'pre-wrap' }} type="secondary">
          {application.note}
        </Typography.Paragraph>
      )}
      {canEdit && (
        <Button
          size="small"
          icon={<EditOutlined />}
          onClick={() => setEditing(true)}
          style={{ marginTop: 8 }}
          aria-label={`Edit ${application.programName}`}
        >
          Edit deadline, no. and note
        </Button>
      )}
      <Divider style={{ margin: '12px 0' }} />
      <DocumentsChecklist application={application} canEdit={canEdit} />
      <Collapse
        ghost
        size="small"
        style={{ marginTop: 8, marginInline: -8 }}
        items={[
          {
            key: 'payments',
            label: (
              <Typography.Text strong>
                Payments · {formatInr(application.paidPaise)}
                {application.feeTotalPaise !== null && ` of ${formatInr(application.feeTotalPaise)}`}
              </Typography.Text>
            ),
            children: <Payments application={application} canEdit={canEdit} canDelete={canDeletePayments} />,
          },
        ]}
      />
      {canEdit && (
        <div style={{ marginTop: 8 }}>
          <UploadLink application={application} />
        </div>
      )}
      {canEdit && <ApplicationEditDialog application={application} open={editing} onClose={() => setEditing(false)} />}
    </Card>
  );
}
