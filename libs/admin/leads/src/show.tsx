import { lazy, Suspense, useMemo } from 'react';
import { useLink, useOne } from '@refinedev/core';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Col, Flex, Grid, Row, Skeleton, Space, Steps, Tabs, Tooltip, Typography } from 'antd';
import { useParams } from 'react-router';
import {
  formatIstDateTime,
  LEAD_STATUS_LABELS,
  LOST_REASON_LABELS,
  PIPELINE,
  type LeadDetailView,
  type PipelineStage,
  type Role,
} from '@advisordesk/shared';
import { useAccess, type ApiRequestError } from '@advisordesk/admin-data';
import { useAreaSlots } from '@advisordesk/admin-ui';
import { ActivityComposer } from './components/activity-composer';
import { ConsentCard } from './components/consent-card';
import { DuplicatesCard } from './components/duplicates-card';
import { ContactButtons } from './components/contact-buttons';
import { FollowUpsCard } from './components/follow-ups-card';
import { FollowUpDate } from './components/follow-up-date';
import { GuardianCard } from './components/guardian-card';
import { InquiriesList } from './components/inquiries-list';
import { ManagerActions } from './components/manager-actions';
import { ProfileCard } from './components/profile-card';
import { StatusChanger, useStatusChangeDialog } from './components/status-changer';
import { TransferRequestsCard } from './components/transfer-requests-card';
import { LeadStatusTag } from './components/status-tag';
import { LeadTimeline } from './components/timeline-card';
import { dropVerdict } from './board-rules';
import { useLeadInquiries } from './lead-data';
import { useAdvisors } from '@advisordesk/admin-data';

// Not found / could not load (antd's Result) loads only when shown.
const LeadLoadFailure = lazy(() => import('./components/lead-load-failure'));

/** Why a stage of the bar cannot be clicked, or null when moving there is allowed. */
function stageRefusal(lead: LeadDetailView, stage: PipelineStage, role: Role | undefined, canEdit: boolean): string | null {
  if (!canEdit || !role) return 'You cannot change this lead';
  if (stage === lead.status) return 'The current stage';
  const verdict = dropVerdict(lead.status, stage, role);
  return verdict.kind === 'refused' ? verdict.message : verdict.kind === 'same' ? 'The current stage' : null;
}

/**
 * The pipeline as a stage bar. Clicking a stage moves the lead there through the same dialog as
 * "Change status"; stages the role may not move to are disabled and say why.
 */
function PipelineSteps({ lead, role, canEdit }: { lead: LeadDetailView; role: Role | undefined; canEdit: boolean }) {
  const { ask, dialog } = useStatusChangeDialog(lead);
  if (lead.status === 'lost') {
    return (
      <Alert
        type="error"
        showIcon
        message={`Lost${lead.lostReason ? `: ${LOST_REASON_LABELS[lead.lostReason]}` : ''}`}
        description="Only a manager can reopen a lost lead."
        style={{ marginTop: 4 }}
      />
    );
  }
  const current = PIPELINE.indexOf(lead.status as PipelineStage);
  return (
    <>
      <Steps
        size="small"
        progressDot
        current={current}
        status={lead.status === 'enrolled' ? 'finish' : 'process'}
        onChange={(index) => {
          const stage = PIPELINE[index];
          if (stage && !stageRefusal(lead, stage, role, canEdit)) ask(stage);
        }}
        items={PIPELINE.map((stage) => {
          const refusal = stageRefusal(lead, stage, role, canEdit);
          return {
            title: (
              <Tooltip title={refusal ?? `Move to ${LEAD_STATUS_LABELS[stage]}`}>
                <span data-testid={`stage-${stage}`} data-disabled={refusal ? 'true' : undefined}>
                  {LEAD_STATUS_LABELS[stage]}
                </span>
              </Tooltip>
            ),
            disabled: refusal !== null,
          };
        })}
        style={{ marginTop: 8 }}
        aria-label="Pipeline"
        data-testid="stage-bar"
      />
      {dialog}
    </>
  );
}

/** A lead's page: who they are, what happened, what comes next, and everything an advisor does with them. */
export default function LeadShowPage() {
  const { id = '' } = useParams<{ id: string }>();
  const screens = Grid.useBreakpoint();
  const wide = screens.lg === true;
  const phone = screens.sm === false;
  const Link = useLink();
  const { user: me, role, canWrite } = useAccess();
  const managing = canWrite('leadAssignment');
  // Other areas' parts of the page (the shortlist), as the shell composes them.
  const { leadSections = [] } = useAreaSlots();

  const {
    result: lead,
    query: { isLoading, isError, error, refetch },
  } = useOne<LeadDetailView, ApiRequestError>({ resource: 'leads', id, errorNotification: false, queryOptions: { enabled: Boolean(id) } });
  const { data: advisors } = useAdvisors(managing);
  const {
    result: { data: inquiries },
  } = useLeadInquiries(id, Boolean(lead));

  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const advisor of advisors ?? []) map.set(advisor.id, advisor.name);
    if (me) map.set(me.id, me.name);
    if (lead?.advisorId && lead.advisorName) map.set(lead.advisorId, lead.advisorName);
    return map;
  }, [advisors, me, lead?.advisorId, lead?.advisorName]);

  if (isLoading || !role) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (isError || !lead)
    return (
      <Suspense fallback={<Skeleton active paragraph={{ rows: 4 }} />}>
        <LeadLoadFailure
          notFound={isError && (error?.statusCode === 404 || error?.statusCode === 400)}
          message={error?.message}
          onRetry={() => refetch()}
        />
      </Suspense>
    );

  const erased = Boolean(lead.erasedAt);
  const canEdit = !erased && canWrite('leads');

  const header = (
    <Card size="small" styles={{ body: { padding: phone ? 12 : 16 } }} data-testid="lead-header">
      <Flex justify="space-between" align="flex-start" gap={12} wrap>
        <div style={{ minWidth: 0, flex: '1 1 280px' }}>
          <Space size={8} wrap align="center">
            <Typography.Title level={3} style={{ margin: 0, fontSize: phone ? 20 : 24 }} data-testid="lead-name">
              {lead.fullName}
            </Typography.Title>
            <span data-testid="lead-status">
              <LeadStatusTag status={lead.status} lostReason={lead.lostReason} withReason />
            </span>
          </Space>
          <div style={{ marginTop: 4 }}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {lead.reference} · with {lead.advisorName ?? 'nobody yet'} · since {formatIstDateTime(lead.createdAt)}
            </Typography.Text>
          </div>
          {!erased && (
            <div style={{ marginTop: 4 }}>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                Next follow-up:{' '}
              </Typography.Text>
              <FollowUpDate value={lead.nextFollowUpAt} empty="none scheduled" />
            </div>
          )}
        </div>
        {canEdit && (
          <Flex gap={8} wrap style={phone ? { width: '100%' } : undefined}>
            <ContactButtons lead={lead} compact={phone} />
            <StatusChanger lead={lead} role={role} />
          </Flex>
        )}
      </Flex>
      {!phone && <PipelineSteps lead={lead} role={role} canEdit={canEdit} />}
      {phone && lead.status === 'lost' && <PipelineSteps lead={lead} role={role} canEdit={canEdit} />}
    </Card>
  );

  const inquiryCount = inquiries.length;
  const tabs = (
    <Card size="small" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        defaultActiveKey="timeline"
        items={[
          {
            key: 'timeline',
            label: 'Timeline',
            // On a laptop the history scrolls in its own box, so the shortlist below stays in reach.
            children: (
              <div style={wide ? { maxHeight: 560, overflowY: 'auto', paddingInlineEnd: 4 } : undefined}>
                <LeadTimeline leadId={lead.id} names={names} leadName={lead.fullName} />
              </div>
            ),
          },
          { key: 'inquiries', label: `Enquiries${inquiryCount ? ` (${inquiryCount})` : ''}`, children: <InquiriesList leadId={lead.id} /> },
        ]}
      />
    </Card>
  );

  // A minor's guardian, beside the consent it completes.
  const guardian = lead.isMinor && !erased && <GuardianCard lead={lead} names={names} canVerify={canWrite('guardianVerification')} />;

  const side = (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      {!erased && <FollowUpsCard lead={lead} canEdit={canEdit} />}
      <ProfileCard lead={lead} canEdit={canEdit} />
      <ConsentCard lead={lead} canEdit={canEdit} />
      {guardian}
      {managing && <ManagerActions lead={lead} />}
    </Space>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="lead-page">
      <Link to="/leads" style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
        <ArrowLeftOutlined /> Leads
      </Link>
      {erased && (
        <Alert
          type="warning"
          showIcon
          message={`Personal data erased on request, ${formatIstDateTime(lead.erasedAt)}`}
          description="Only anonymous counts remain; nothing can be changed."
        />
      )}
      {header}
      {!erased && <TransferRequestsCard leadId={lead.id} title="Asked to transfer this lead" />}
      {!erased && canWrite('leadMerge') && <DuplicatesCard lead={lead} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15} xxl={16}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {canEdit && <ActivityComposer lead={lead} />}
            {!wide && !erased && <FollowUpsCard lead={lead} canEdit={canEdit} />}
            {tabs}
            {!erased &&
              leadSections.map((Section, index) => (
                <Suspense key={index} fallback={<Skeleton active paragraph={{ rows: 3 }} />}>
                  <Section leadId={lead.id} />
                </Suspense>
              ))}
          </Space>
        </Col>
        <Col xs={24} lg={9} xxl={8}>
          {wide ? (
            side
          ) : (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <ProfileCard lead={lead} canEdit={canEdit} />
              <ConsentCard lead={lead} canEdit={canEdit} />
              {guardian}
              {managing && <ManagerActions lead={lead} />}
            </Space>
          )}
        </Col>
      </Row>
    </Space>
  );
}
