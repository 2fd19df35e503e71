import { useMemo } from 'react';
import { useApiUrl, useCustom, useGo, type BaseRecord, type CrudFilter } from '@refinedev/core';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Grid, Row, Skeleton, Statistic, Table, Typography, type TableColumnsType } from 'antd';
import { LEAD_STATUS_LABELS, OPEN_STATUSES, type LeadStatus, type TeamMemberSummary, type UserView } from '@advisordesk/shared';
import type { ApiRequestError } from '@advisordesk/admin-data';
import { TransferRequestsCard } from './components/transfer-requests-card';
import { useCount } from './lead-data';
import { quickFilterFilters } from './quick-filters';
import { taskTabQuery } from './tasks/task-tabs';

const openOf = (advisorId: string | undefined, statuses: LeadStatus[] = OPEN_STATUSES): CrudFilter[] => [
  ...(advisorId ? [{ field: 'advisorId', operator: 'eq' as const, value: advisorId }] : []),
  { field: 'status', operator: 'in', value: statuses },
];
const noNextStepOf = (advisorId: string | undefined): CrudFilter[] => [
  ...(advisorId ? [{ field: 'advisorId', operator: 'eq' as const, value: advisorId }] : []),
  ...quickFilterFilters('no_next_step', advisorId),
];

/** A count that opens the list it counts. */
function CountLink({ value, label, onClick, tone }: { value: number; label: string; onClick: () => void; tone?: 'danger' | 'warning' }) {
  if (!value) return <Typography.Text type="secondary">0</Typography.Text>;
  return (
    <Button
      type="link"
      size="small"
      onClick={onClick}
      aria-label={label}
      danger={tone === 'danger'}
      style={{ paddingInline: 0, height: 'auto', fontVariantNumeric: 'tabular-nums', color: tone === 'warning' ? '#b7791f' : undefined }}
    >
      {value}
    </Button>
  );
}

function TeamTile({
  tile,
}: {
  tile: { key: string; title: string; filters: CrudFilter[]; resource: 'leads' | 'tasks'; to: () => void; colour?: string };
}) {
  const { total, isLoading } = useCount(tile.resource, tile.filters);
  return (
    <Card size="small" hoverable onClick={tile.to} data-testid={`team-${tile.key}`} style={{ height: '100%' }}>
      <Statistic title={tile.title} value={total ?? '—'} loading={isLoading} valueStyle={{ color: total && tile.colour ? tile.colour : undefined }} />
    </Card>
  );
}

/**
 * The dashboard's lower half for managers and admins: the team, as of now. Each advisor's open
 * leads by status, those with no next step and their overdue follow-ups; every count opens the
 * lead list or the follow-ups with the same filter in the address.
 */
export function TeamHome({ user }: { user: UserView }) {
  const go = useGo();
  const screens = Grid.useBreakpoint();
  const phone = screens.sm === false;
  const apiUrl = useApiUrl();
  const { query } = useCustom<BaseRecord, ApiRequestError>({ url: `${apiUrl}/team/summary`, method: 'get', errorNotification: false });
  const rows = query.data?.data as unknown as TeamMemberSummary[] | undefined;
  const leads = (filters: CrudFilter[]) => go({ to: '/leads', query: { filters } });
  const overdue = (ownerId?: string) => go({ to: '/tasks', query: { tab: 'overdue', ...(ownerId ? { owner: ownerId } : {}) } });
  // The tiles count what their lists show (every advisor, also unassigned leads), with the same filters.
  const openAll = useMemo(() => openOf(undefined), []);
  const queue = useMemo(() => quickFilterFilters('no_next_step', user.id), [user.id]);
  const overdueAll = useMemo(() => taskTabQuery('overdue', undefined).filters, []);

  const columns: TableColumnsType<TeamMemberSummary> = [
    {
      title: 'Advisor',
      dataIndex: 'advisorName',
      fixed: 'left',
      render: (name: string, row) => (
        <Button type="link" size="small" onClick={() => leads(openOf(row.advisorId))} style={{ paddingInline: 0, height: 'auto' }}>
          {name}
        </Button>
      ),
    },
    {
      title: phone ? 'Open' : 'Open leads',
      dataIndex: 'openLeads',
      align: 'right',
      sorter: (a, b) => a.openLeads - b.openLeads,
      render: (value: number, row) => (
        <CountLink value={value} label={`${row.advisorName}: ${value} open leads`} onClick={() => leads(openOf(row.advisorId))} />
      ),
    },
    ...OPEN_STATUSES.map((status) => ({
      title: LEAD_STATUS_LABELS[status],
      key: status,
      align: 'right' as const,
      responsive: ['md' as const],
      render: (_: unknown, row: TeamMemberSummary) => (
        <CountLink
          value={row.openByStatus[status]}
          label={`${row.advisorName}: ${row.openByStatus[status]} ${LEAD_STATUS_LABELS[status]}`}
          onClick={() => leads(openOf(row.advisorId, [status]))}
        />
      ),
    })),
    {
      title: phone ? (
        <span>
          No next
          <br />
          step
        </span>
      ) : (
        'No next step'
      ),
      dataIndex: 'noNextStep',
      align: 'right',
      sorter: (a, b) => a.noNextStep - b.noNextStep,
      render: (value: number, row) => (
        <CountLink
          value={value}
          label={`${row.advisorName}: ${value} open leads with no next step`}
          onClick={() => leads(noNextStepOf(row.advisorId))}
          tone="warning"
        />
      ),
    },
    {
      title: phone ? 'Overdue' : 'Overdue follow-ups',
      dataIndex: 'overdueFollowUps',
      align: 'right',
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.overdueFollowUps - b.overdueFollowUps,
      render: (value: number, row) => (
        <CountLink value={value} label={`${row.advisorName}: ${value} overdue follow-ups`} onClick={() => overdue(row.advisorId)} tone="danger" />
      ),
    },
  ];

  const tiles: { key: string; title: string; filters: CrudFilter[]; resource: 'leads' | 'tasks'; to: () => void; colour?: string }[] = [
    { key: 'open', title: 'Open leads (not enrolled or lost)', resource: 'leads', filters: openAll, to: () => leads(openAll) },
    { key: 'no-next-step', title: 'Open leads with no next step', resource: 'leads', filters: queue, to: () => leads(queue), colour: '#b7791f' },
    { key: 'overdue', title: 'Overdue follow-ups', resource: 'tasks', filters: overdueAll, to: () => overdue(), colour: '#c0392b' },
  ];

  return (
    <section aria-labelledby="team-home-title" data-testid="team-home">
      <Flex justify="space-between" align="baseline" gap={12} wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={4} id="team-home-title" style={{ margin: 0 }}>
          Your team now{' '}
          <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 400 }}>
            active advisors, as of this moment
          </Typography.Text>
        </Typography.Title>
        <Button type="link" onClick={() => overdue()} icon={<ArrowRightOutlined />} iconPosition="end" style={{ paddingInline: 0 }}>
          Team follow-ups
        </Button>
      </Flex>
      {query.isError ? (
        <Alert type="error" showIcon message="Could not load the team" description={query.error?.message} />
      ) : !rows ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : (
        <Flex vertical gap={12}>
          <TransferRequestsCard title="Advisors asking for a lead" />
          <Row gutter={[12, 12]}>
            {tiles.map((tile) => (
              <Col key={tile.key} xs={tile.key === 'open' ? 24 : 12} md={8}>
                <TeamTile tile={tile} />
              </Col>
            ))}
          </Row>
          <Card size="small" title="By advisor" styles={{ body: { padding: phone ? 8 : undefined } }}>
            <Table<TeamMemberSummary>
              rowKey="advisorId"
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: 'No active advisors' }}
              data-testid="team-table"
            />
          </Card>
        </Flex>
      )}
    </section>
  );
}
