import { useMemo, useState } from 'react';
import { useGo } from '@refinedev/core';
import { Button, Card, Empty, Grid, Segmented, Skeleton, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { APPLICATION_REPORT_GROUP_LABELS, type ApplicationReportGroupBy, type ApplicationReportRow } from '@advisordesk/shared';
import { LazyApplicationsBarChart } from './lazy-charts';
import { formatCount, formatRate, useApplicationReport } from './report-api';
import { applicationDrillPath, type ReportRange } from './report-query';
import { Reloading, ReportError } from './report-states';

/** The chart shows the groups with the most applications; the table lists them all. */
const CHART_ROWS = 8;

/**
 * Applications made in the period by university, program or advisor: how many, how many were
 * submitted, got an offer, enrolled, and the offer rate. A bar or a name opens those applications.
 */
export function ApplicationsCard({ range, groups }: { range: ReportRange; groups: readonly ApplicationReportGroupBy[] }) {
  const go = useGo();
  const screens = Grid.useBreakpoint();
  const [groupBy, setGroupBy] = useState<ApplicationReportGroupBy>(groups[0] ?? 'university');
  const report = useApplicationReport(groupBy, range);
  const rows = report.data?.groupBy === groupBy ? report.data.rows : undefined;
  const chartRows = useMemo(() => [...(rows ?? [])].sort((a, b) => b.applications - a.applications).slice(0, CHART_ROWS), [rows]);
  const open = (row: ApplicationReportRow) => go({ to: applicationDrillPath(groupBy, row) });

  const columns: TableColumnsType<ApplicationReportRow> = [
    {
      title: APPLICATION_REPORT_GROUP_LABELS[groupBy],
      dataIndex: 'label',
      render: (label: string, row) => (
        <Tooltip title={`Open the applications: ${label}`}>
          <Button
            type="link"
            size="small"
            onClick={() => open(row)}
            style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          >
            {label}
          </Button>
        </Tooltip>
      ),
    },
    { title: 'Applications', dataIndex: 'applications', align: 'right', sorter: (a, b) => a.applications - b.applications, render: formatCount },
    {
      title: 'Submitted',
      dataIndex: 'submitted',
      align: 'right',
      sorter: (a, b) => a.submitted - b.submitted,
      render: formatCount,
      responsive: ['sm'],
    },
    { title: 'Offers', dataIndex: 'offers', align: 'right', sorter: (a, b) => a.offers - b.offers, render: formatCount },
    { title: 'Enrolled', dataIndex: 'enrolled', align: 'right', sorter: (a, b) => a.enrolled - b.enrolled, render: formatCount, responsive: ['sm'] },
    {
      title: <Tooltip title="Offers of the applications submitted">Offer rate</Tooltip>,
      dataIndex: 'offerRate',
      align: 'right',
      sorter: (a, b) => (a.offerRate ?? -1) - (b.offerRate ?? -1),
      render: (value: number | null) => <Typography.Text strong>{formatRate(value)}</Typography.Text>,
    },
  ];

  const phone = screens.sm === false;
  const grouping = groups.length > 1 && (
    <Segmented<ApplicationReportGroupBy>
      value={groupBy}
      onChange={setGroupBy}
      options={groups.map((group) => ({ value: group, label: `By ${APPLICATION_REPORT_GROUP_LABELS[group].toLowerCase()}` }))}
      size={phone ? 'small' : 'middle'}
      block={phone}
      aria-label="Group applications by"
    />
  );

  return (
    <Card
      title="Applications made in this period"
      // On a phone the grouping goes under the title, which it would otherwise cut short.
      extra={!phone && grouping}
      styles={{ body: { padding: phone ? 12 : undefined } }}
      data-testid="applications-report"
    >
      {phone && grouping && <div style={{ marginBottom: 12 }}>{grouping}</div>}
      {report.isError && !rows ? (
        <ReportError what="the applications report" error={report.error} onRetry={() => report.refetch()} />
      ) : !rows ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="No applications were made in this period" />
      ) : (
        <Reloading active={report.isPlaceholderData && report.isFetching}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <LazyApplicationsBarChart rows={chartRows} onSelect={open} />
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {rows.length > chartRows.length &&
                `The chart shows the ${chartRows.length} groups with the most applications; the table lists all ${rows.length}. `}
              Select a bar or a name to open those applications.
            </Typography.Text>
            <Table<ApplicationReportRow>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
              data-testid={`applications-report-${groupBy}`}
            />
          </Space>
        </Reloading>
      )}
    </Card>
  );
}
