import { useMemo, type ReactNode } from 'react';
import { useGo, useLink, useList, type CrudFilter } from '@refinedev/core';
import {
  ArrowRightOutlined,
  CalendarOutlined,
  CheckOutlined,
  ContactsOutlined,
  ExclamationCircleOutlined,
  PhoneOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, List, Progress, Row, Skeleton, Statistic, Typography } from 'antd';
import {
  canWrite,
  formatIstDateTime,
  formatPhone,
  istDayRange,
  LEAD_STATUS_LABELS,
  LEAD_STATUSES,
  OPEN_STATUSES,
  type LeadStatus,
  type LeadView,
  type TaskView,
  type UserView,
} from '@advisordesk/shared';
import { FollowUpDate } from './components/follow-up-date';
import { useCompleteFollowUp } from './components/complete-follow-up';
import { LeadStatusTag, statusColour } from './components/status-tag';
import { TransferRequestsCard } from './components/transfer-requests-card';
import { quickFilterFilters } from './quick-filters';
import { useCount } from './lead-data';
import { taskTabQuery } from './tasks/task-tabs';
import { TeamHome } from './team-home';

function StatTile({
  title,
  icon,
  filters,
  resource,
  to,
  tone,
  testId,
}: {
  title: string;
  icon: ReactNode;
  filters: CrudFilter[];
  resource: 'leads' | 'tasks';
  to: () => void;
  tone?: 'danger' | 'warning';
  testId: string;
}) {
  const { total, isLoading } = useCount(resource, filters);
  const colour = tone === 'danger' && total ? '#c0392b' : tone === 'warning' && total ? '#b7791f' : undefined;
  return (
    <Card size="small" hoverable onClick={to} data-testid={testId} style={{ height: '100%' }}>
      <Statistic title={title} value={total ?? '—'} loading={isLoading} prefix={icon} valueStyle={{ color: colour }} />
    </Card>
  );
}

function TaskList({ filters, empty, testId }: { filters: CrudFilter[]; empty: string; testId: string }) {
  const Link = useLink();
  const complete = useCompleteFollowUp();
  const {
    result: { data = [], total = 0 },
    query: { isLoading },
  } = useList<TaskView>({
    resource: 'tasks',
    filters,
    sorters: [{ field: 'dueAt', order: 'asc' }],
    pagination: { currentPage: 1, pageSize: 8 },
    errorNotification: false,
  });
  if (isLoading) return <Skeleton active title={false} paragraph={{ rows: 3 }} />;
  if (!data.length)
    return (
      <>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} style={{ margin: '8px 0' }} />
        {complete.dialog}
      </>
    );
  return (
    <>
      {complete.dialog}
      <List<TaskView>
        size="small"
        dataSource={data}
        data-testid={testId}
        footer={total > data.length ? <Typography.Text type="secondary">and {total - data.length} more</Typography.Text> : undefined}
        renderItem={(task) => (
          <List.Item
            style={{ paddingInline: 0 }}
            actions={[
              ...(task.leadPhone
                ? [<Button key="call" size="small" icon={<PhoneOutlined />} href={`tel:${task.leadPhone}`} aria-label={`Call ${task.leadName}`} />]
                : []),
              <Button
                key="done"
                size="small"
                icon={<CheckOutlined />}
                loading={complete.pendingId === task.id}
                onClick={() => complete.start(task)}
                aria-label={`Mark ${task.title} for ${task.leadName} done`}
              />,
            ]}
          >
            <List.Item.Meta
              title={
                <Flex gap={6} wrap align="center">
                  <Link to={`/leads/${task.leadId}`}>{task.leadName}</Link>
                  <LeadStatusTag status={task.leadStatus} />
                </Flex>
              }
              description={
                <Flex gap={8} wrap>
                  <FollowUpDate value={task.dueAt} />
                  <Typography.Text type="secondary">{task.title}</Typography.Text>
                </Flex>
              }
            />
          </List.Item>
        )}
      />
    </>
  );
}

function NewLeads({ meId }: { meId: string }) {
  const Link = useLink();
  const {
    result: { data = [], total = 0 },
    query: { isLoading },
  } = useList<LeadView>({
    resource: 'leads',
    filters: quickFilterFilters('mine_new', meId),
    sorters: [{ field: 'createdAt', order: 'desc' }],
    pagination: { currentPage: 1, pageSize: 6 },
    errorNotification: false,
  });
  if (isLoading) return <Skeleton active title={false} paragraph={{ rows: 3 }} />;
  if (!data.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No new leads waiting for you" style={{ margin: '8px 0' }} />;
  return (
    <List<LeadView>
      size="small"
      dataSource={data}
      data-testid="new-leads"
      footer={total > data.length ? <Typography.Text type="secondary">and {total - data.length} more</Typography.Text> : undefined}
      renderItem={(lead) => (
        <List.Item
          style={{ paddingInline: 0 }}
          actions={
            lead.phone
              ? [<Button key="call" size="small" icon={<PhoneOutlined />} href={`tel:${lead.phone}`} aria-label={`Call ${lead.fullName}`} />]
              : []
          }
        >
          <List.Item.Meta
            title={<Link to={`/leads/${lead.id}`}>{lead.fullName}</Link>}
            description={
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {[lead.courseInterest, lead.phone ? formatPhone(lead.phone) : null, `came in ${formatIstDateTime(lead.createdAt)}`]
                  .filter(Boolean)
                  .join(' · ')}
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}

function PipelineRow({ status, meId, max }: { status: LeadStatus; meId: string; max: number }) {
  const go = useGo();
  const filters = useMemo<CrudFilter[]>(
    () => [
      { field: 'advisorId', operator: 'eq', value: meId },
      { field: 'status', operator: 'in', value: [status] },
    ],
    [meId, status],
  );
  const { total, isLoading } = useCount('leads', filters);
  return (
    <button
      type="button"
      onClick={() => go({ to: '/leads', query: { filters } })}
      style={{
        all: 'unset',
        cursor: 'pointer',
        display: 'grid',
        gridTemplateColumns: '104px 1fr 44px',
        alignItems: 'center',
        gap: 10,
        padding: '5px 0',
        width: '100%',
      }}
      aria-label={`${LEAD_STATUS_LABELS[status]}: ${total ?? 'unknown'} leads`}
      data-testid={`pipeline-${status}`}
    >
      <LeadStatusTag status={status} />
      <Progress
        percent={max && total ? Math.max(2, Math.round((total / max) * 100)) : 0}
        showInfo={false}
        strokeColor={statusColour(status)}
        size="small"
      />
      <Typography.Text strong style={{ textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
        {isLoading ? '…' : (total ?? '—')}
      </Typography.Text>
    </button>
  );
}

function PipelineCard({ meId }: { meId: string }) {
  const go = useGo();
  const open = useCount('leads', [
    { field: 'advisorId', operator: 'eq', value: meId },
    { field: 'status', operator: 'in', value: OPEN_STATUSES },
  ]);
  // Bars are relative to the open leads, so the busiest stage reads at a glance.
  const max = Math.max(open.total ?? 0, 1);
  return (
    <Card
      title="My pipeline"
      size="small"
      extra={
        <Button type="link" onClick={() => go({ to: '/leads/board' })} icon={<ArrowRightOutlined />} iconPosition="end" style={{ paddingInline: 0 }}>
          Board
        </Button>
      }
      style={{ height: '100%' }}
      data-testid="my-pipeline"
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {open.isLoading ? '…' : `${open.total ?? 0} open leads`} assigned to you
      </Typography.Paragraph>
      {LEAD_STATUSES.map((status) => (
        <PipelineRow key={status} status={status} meId={meId} max={max} />
      ))}
    </Card>
  );
}

/** Open leads of theirs with no follow-up scheduled: each needs a next step, or to be closed. */
function NoNextStepQueue({ filters }: { filters: CrudFilter[] }) {
  const go = useGo();
  const { total, isLoading } = useCount('leads', filters);
  const open = () => go({ to: '/leads', query: { filters } });
  return (
    <Card size="small" data-testid="no-next-step">
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex align="center" gap={12} style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Typography.Text
            strong
            style={{ fontSize: 24, color: total ? '#b7791f' : undefined, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', flex: 'none' }}
          >
            {isLoading ? '…' : (total ?? '—')}
          </Typography.Text>
          <span style={{ minWidth: 0 }}>
            <Typography.Text strong>Open leads with no next step</Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              Assigned to you, not enrolled or lost, and no follow-up scheduled
            </Typography.Text>
          </span>
        </Flex>
        <Button onClick={open} icon={<ArrowRightOutlined />} iconPosition="end" disabled={!total}>
          Give each a next step
        </Button>
      </Flex>
    </Card>
  );
}

/**
 * The advisor's home: colleagues asking for a lead (when any), what is due today, what is late,
 * open leads with no next step, new leads waiting for a first call, and their pipeline by status.
 */
export function AdvisorHome({ user }: { user: UserView }) {
  const go = useGo();
  const today = useMemo(() => taskTabQuery('today', user.id).filters, [user.id]);
  const overdue = useMemo(() => taskTabQuery('overdue', user.id).filters, [user.id]);
  const earlier = useMemo<CrudFilter[]>(
    () => [
      { field: 'ownerId', operator: 'eq', value: user.id },
      { field: 'done', operator: 'eq', value: 'false' },
      { field: 'dueAt', operator: 'lte', value: new Date(istDayRange().start.getTime() - 1).toISOString() },
    ],
    [user.id],
  );
  const newLeads = useMemo(() => quickFilterFilters('mine_new', user.id), [user.id]);
  const open = useMemo<CrudFilter[]>(
    () => [
      { field: 'advisorId', operator: 'eq', value: user.id },
      { field: 'status', operator: 'in', value: OPEN_STATUSES },
    ],
    [user.id],
  );

  const noNextStep = useMemo<CrudFilter[]>(
    () => [{ field: 'advisorId', operator: 'eq', value: user.id }, ...quickFilterFilters('no_next_step', user.id)],
    [user.id],
  );

  return (
    <Flex vertical gap={16} data-testid="advisor-home">
      <TransferRequestsCard title="Colleagues asking for a lead" />
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <StatTile
            title="Due today"
            icon={<CalendarOutlined />}
            resource="tasks"
            filters={today}
            to={() => go({ to: '/tasks' })}
            tone="warning"
            testId="stat-today"
          />
        </Col>
        <Col xs={12} md={6}>
          <StatTile
            title="Overdue"
            icon={<ExclamationCircleOutlined />}
            resource="tasks"
            filters={overdue}
            to={() => go({ to: '/tasks', query: { tab: 'overdue' } })}
            tone="danger"
            testId="stat-overdue"
          />
        </Col>
        <Col xs={12} md={6}>
          <StatTile
            title="New leads for me"
            icon={<UserAddOutlined />}
            resource="leads"
            filters={newLeads}
            to={() => go({ to: '/leads', query: { filters: newLeads } })}
            testId="stat-new"
          />
        </Col>
        <Col xs={12} md={6}>
          <StatTile
            title="My open leads"
            icon={<ContactsOutlined />}
            resource="leads"
            filters={open}
            to={() => go({ to: '/leads', query: { filters: open } })}
            testId="stat-open"
          />
        </Col>
      </Row>
      <NoNextStepQueue filters={noNextStep} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card
            title="Today’s follow-ups"
            size="small"
            extra={
              <Button type="link" onClick={() => go({ to: '/tasks' })} icon={<ArrowRightOutlined />} iconPosition="end" style={{ paddingInline: 0 }}>
                All follow-ups
              </Button>
            }
            style={{ height: '100%' }}
          >
            <TaskList filters={today} empty="Nothing due today" testId="today-follow-ups" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={<Typography.Text type="danger">Overdue from earlier days</Typography.Text>}
            size="small"
            extra={
              <Button
                type="link"
                onClick={() => go({ to: '/tasks', query: { tab: 'overdue' } })}
                icon={<ArrowRightOutlined />}
                iconPosition="end"
                style={{ paddingInline: 0 }}
              >
                Overdue
              </Button>
            }
            style={{ height: '100%' }}
          >
            <TaskList filters={earlier} empty="Nothing overdue. Well done." testId="overdue-follow-ups" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title="New leads assigned to me"
            size="small"
            extra={
              <Button
                type="link"
                onClick={() => go({ to: '/leads', query: { filters: newLeads } })}
                icon={<ArrowRightOutlined />}
                iconPosition="end"
                style={{ paddingInline: 0 }}
              >
                All new
              </Button>
            }
            style={{ height: '100%' }}
          >
            <NewLeads meId={user.id} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <PipelineCard meId={user.id} />
        </Col>
      </Row>
    </Flex>
  );
}

/** The dashboard's work section: the team for managers and admins, one's own day for advisors. */
export function LeadsHome({ user }: { user: UserView }) {
  return canWrite('leadAssignment', user.role) ? <TeamHome user={user} /> : <AdvisorHome user={user} />;
}
