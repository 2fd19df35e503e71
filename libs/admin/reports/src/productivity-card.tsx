import { useGo } from '@refinedev/core';
import { Button, Card, Grid, Skeleton, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { formatMinutes, type AdvisorProductivity } from '@advisordesk/shared';
import { formatCount, formatRate, useProductivityReport } from './report-api';
import { ReportError } from './report-states';
import type { DrillDown } from './funnel-card';

const numeric = { align: 'right' as const };

/** What "working minutes" count, said in both speed-to-lead columns. */
const WORKING_MINUTES_HELP =
  'Counted in working hours only (Asia/Kolkata, the days and hours set in Settings → Working hours): a lead that arrives at night waits from the next opening.';

/**
 * Per advisor: leads of the period assigned to them, how many were contacted within 24 hours,
 * enrolled, follow-ups done in the period and overdue now, and speed to lead (the median working
 * minutes to first contact, and SLA breaches). An advisor sees only their own row.
 */
export function ProductivityCard({ params, drill, own }: { params: Record<string, string>; drill: DrillDown; own: boolean }) {
  const screens = Grid.useBreakpoint();
  const go = useGo();
  const productivity = useProductivityReport(params);
  const rows = productivity.data;
  const open = drill.open;

  const columns: TableColumnsType<AdvisorProductivity> = [
    {
      title: 'Advisor',
      dataIndex: 'advisorName',
      fixed: screens.md === false ? 'left' : undefined,
      render: (name: string, row) => (
        <span>
          {open && !own ? (
            <Tooltip title={`Open ${name}’s leads of this period`}>
              <Button
                type="link"
                size="small"
                onClick={() => open([{ field: 'advisorId', operator: 'eq', value: row.advisorId }])}
                style={{ paddingInline: 0, height: 'auto' }}
              >
                {name}
              </Button>
            </Tooltip>
          ) : (
            name
          )}
          {!row.active && (
            <Tag bordered={false} style={{ marginInlineStart: 6 }}>
              Deactivated
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: <Tooltip title="Leads created in this period and assigned to the advisor (whatever their status now)">Leads created in period</Tooltip>,
      dataIndex: 'assigned',
      ...numeric,
      sorter: (a, b) => a.assigned - b.assigned,
      render: formatCount,
    },
    {
      title: <Tooltip title="First call or message within 24 hours of the inquiry">Contacted in 24 h</Tooltip>,
      dataIndex: 'contactedWithin24h',
      ...numeric,
      sorter: (a, b) => a.contactedWithin24hRate - b.contactedWithin24hRate,
      render: (value: number, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {formatCount(value)} <Typography.Text type="secondary">({formatRate(row.assigned ? row.contactedWithin24hRate : null)})</Typography.Text>
        </span>
      ),
    },
    {
      title: (
        <Tooltip title={`${WORKING_MINUTES_HELP} Median of the period’s contacted leads, from arrival to the first call or message.`}>
          <span>
            Median to first contact <QuestionCircleOutlined aria-label="What working minutes are" />
          </span>
        </Tooltip>
      ),
      dataIndex: 'medianMinutesToFirstContact',
      key: 'medianMinutesToFirstContact',
      ...numeric,
      sorter: (a, b) => (a.medianMinutesToFirstContact ?? Number.MAX_SAFE_INTEGER) - (b.medianMinutesToFirstContact ?? Number.MAX_SAFE_INTEGER),
      render: (value: number | null) => <span style={{ whiteSpace: 'nowrap' }}>{value === null ? '—' : formatMinutes(value)}</span>,
    },
    {
      title: (
        <Tooltip
          title={`Leads of the period first contacted after their due time (arrival + the first-contact SLA, counted in working hours), or not yet and already late. ${WORKING_MINUTES_HELP}`}
        >
          <span>
            SLA breaches <QuestionCircleOutlined aria-label="What an SLA breach is" />
          </span>
        </Tooltip>
      ),
      dataIndex: 'firstContactBreaches',
      key: 'firstContactBreaches',
      ...numeric,
      sorter: (a, b) => a.firstContactBreaches - b.firstContactBreaches,
      render: (value: number) => (value > 0 ? <Typography.Text type="danger">{formatCount(value)}</Typography.Text> : formatCount(value)),
    },
    {
      title: <Tooltip title="Of the leads created in this period, those enrolled by now">Of those, enrolled</Tooltip>,
      dataIndex: 'enrolled',
      ...numeric,
      sorter: (a, b) => a.enrolled - b.enrolled,
      render: formatCount,
    },
    {
      title: 'Conversion',
      dataIndex: 'conversionRate',
      ...numeric,
      sorter: (a, b) => a.conversionRate - b.conversionRate,
      render: (value: number, row) => <Typography.Text strong>{formatRate(row.assigned ? value : null)}</Typography.Text>,
    },
    {
      title: <Tooltip title="Follow-ups marked done within the period">Follow-ups done</Tooltip>,
      dataIndex: 'followUpsDone',
      ...numeric,
      sorter: (a, b) => a.followUpsDone - b.followUpsDone,
      render: formatCount,
    },
    {
      title: <Tooltip title="Follow-ups past their due time and not done, as of now (not limited to the period): opens them">Overdue now</Tooltip>,
      dataIndex: 'followUpsOverdue',
      ...numeric,
      sorter: (a, b) => a.followUpsOverdue - b.followUpsOverdue,
      render: (value: number, row) =>
        value > 0 ? (
          <Button
            type="link"
            danger
            size="small"
            onClick={() => go({ to: '/tasks', query: { tab: 'overdue', owner: row.advisorId } })}
            aria-label={`${row.advisorName}: ${value} overdue follow-ups`}
            style={{ paddingInline: 0, height: 'auto' }}
          >
            {formatCount(value)}
          </Button>
        ) : (
          formatCount(value)
        ),
    },
  ];

  return (
    <Card
      title={own ? 'Your follow-through' : 'Advisor productivity'}
      data-testid="productivity-card"
      styles={{ body: { padding: screens.sm === false ? 12 : undefined } }}
    >
      {productivity.isError && !rows ? (
        <ReportError what="advisor productivity" error={productivity.error} onRetry={() => productivity.refetch()} />
      ) : !rows ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : (
        <Table<AdvisorProductivity>
          rowKey="advisorId"
          size="small"
          columns={columns}
          dataSource={rows}
          loading={productivity.isPlaceholderData && productivity.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: 'No advisors yet' }}
          data-testid="productivity-table"
        />
      )}
    </Card>
  );
}
