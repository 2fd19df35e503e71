import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { Button, Card, Grid, Skeleton, Space, Table, Tabs, Tooltip, Typography, type TableColumnsType } from 'antd';
import { APPROXIMATE_MEDIAN_ERROR, CONVERSION_GROUP_LABELS, type ConversionGroupBy, type ConversionRow } from '@advisordesk/shared';
import { LazyConversionBarChart } from './lazy-charts';
import { formatCount, formatDays, formatRate, useConversionReport } from './report-api';
import { groupFilters, groupLabel, type ReportRange } from './report-query';
import { NoLeads, Reloading, ReportError } from './report-states';
import type { DrillDown } from './funnel-card';

const tabLabel = (group: ConversionGroupBy) => `By ${group === 'utmSource' ? 'UTM source' : CONVERSION_GROUP_LABELS[group].toLowerCase()}`;

/** The chart shows the biggest groups; the table below lists them all. */
const CHART_ROWS = 12;

function ConversionTable({
  groupBy,
  rows,
  drill,
  range,
  approximate,
}: {
  groupBy: ConversionGroupBy;
  rows: ConversionRow[];
  drill: DrillDown;
  range: ReportRange;
  approximate: boolean;
}) {
  const open = drill.open;
  // Large periods' medians come from kept buckets: "≈", and the help says how close they are.
  const median = (label: string, help: string) => (
    <Tooltip title={approximate ? `${help}. ≈: within ${APPROXIMATE_MEDIAN_ERROR * 100} % of the exact median, read from kept counts` : help}>
      {label}
    </Tooltip>
  );
  const days = (value: number | null) => (approximate && value !== null ? `≈ ${formatDays(value)}` : formatDays(value));
  const columns: TableColumnsType<ConversionRow> = [
    {
      title: CONVERSION_GROUP_LABELS[groupBy],
      dataIndex: 'label',
      render: (label: string, row) =>
        open ? (
          <Tooltip title={`Open the leads of this period: ${label}`}>
            <Button
              type="link"
              size="small"
              onClick={() => open(groupFilters(groupBy, row, range))}
              style={{ paddingInline: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
            >
              {label}
            </Button>
          </Tooltip>
        ) : (
          label
        ),
    },
    { title: 'Leads', dataIndex: 'leads', align: 'right', sorter: (a, b) => a.leads - b.leads, render: formatCount },
    { title: 'Enrolled', dataIndex: 'enrolled', align: 'right', sorter: (a, b) => a.enrolled - b.enrolled, render: formatCount },
    {
      title: 'Rate',
      dataIndex: 'conversionRate',
      align: 'right',
      sorter: (a, b) => a.conversionRate - b.conversionRate,
      render: (value: number) => <Typography.Text strong>{formatRate(value)}</Typography.Text>,
    },
    {
      title: median('To first contact', 'Median time from the inquiry to the first call or message'),
      dataIndex: 'medianDaysToFirstContact',
      align: 'right',
      responsive: ['md'],
      render: days,
    },
    {
      title: median('To enrolment', 'Median time from the inquiry to enrolment, for the enrolled'),
      dataIndex: 'medianDaysToEnrolment',
      align: 'right',
      responsive: ['md'],
      render: days,
    },
  ];
  return (
    <Table<ConversionRow>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
      data-testid={`conversion-table-${groupBy}`}
    />
  );
}

function ConversionPane({
  groupBy,
  params,
  filtered,
  drill,
  range,
  compact,
}: {
  groupBy: ConversionGroupBy;
  params: Record<string, string>;
  filtered: boolean;
  drill: DrillDown;
  range: ReportRange;
  compact: boolean;
}) {
  const conversion = useConversionReport(groupBy, params);
  const answered = conversion.data?.rows;
  const rows = useMemo(() => answered?.map((row) => ({ ...row, label: groupLabel(groupBy, row) })), [answered, groupBy]);
  if (conversion.isError && !rows)
    return (
      <ReportError
        what={`conversion ${tabLabel(groupBy).toLowerCase().replace('utm', 'UTM')}`}
        error={conversion.error}
        onRetry={() => conversion.refetch()}
      />
    );
  if (!rows) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (rows.length === 0) return <NoLeads filtered={filtered} />;
  const chartRows = rows.slice(0, compact ? 8 : CHART_ROWS);
  const open = drill.open;
  return (
    <Reloading active={conversion.isPlaceholderData && conversion.isFetching}>
      <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid={`conversion-${groupBy}`}>
        <LazyConversionBarChart rows={chartRows} onSelect={open ? (row) => open(groupFilters(groupBy, row, range)) : undefined} />
        {(rows.length > chartRows.length || open) && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {rows.length > chartRows.length &&
              `The chart shows the ${chartRows.length} largest of ${rows.length} groups${compact ? '' : '; the table lists them all'}. `}
            {open && `Select a bar${compact ? '' : ' or a name'} to open those leads.`}
          </Typography.Text>
        )}
        {!compact && (
          <ConversionTable groupBy={groupBy} rows={rows} drill={drill} range={range} approximate={conversion.data?.mediansApproximate ?? false} />
        )}
      </Space>
    </Reloading>
  );
}

/** Conversion of the period's leads by advisor, source, campaign or level: a bar chart and a table, one grouping at a time. */
export function ConversionCard({
  groups,
  active,
  onActiveChange,
  params,
  filtered,
  drill,
  range,
  compact = false,
  title = 'Conversion',
  extra,
  style,
}: {
  groups: ConversionGroupBy[];
  active: ConversionGroupBy;
  onActiveChange?: (group: ConversionGroupBy) => void;
  params: Record<string, string>;
  filtered: boolean;
  drill: DrillDown;
  range: ReportRange;
  compact?: boolean;
  title?: ReactNode;
  extra?: ReactNode;
  style?: CSSProperties;
}) {
  const screens = Grid.useBreakpoint();
  const pane = (group: ConversionGroupBy) => (
    <ConversionPane groupBy={group} params={params} filtered={filtered} drill={drill} range={range} compact={compact} />
  );
  return (
    <Card
      title={title}
      extra={extra}
      style={style}
      data-testid="conversion-card"
      styles={{ body: { padding: screens.sm === false ? 12 : undefined, paddingTop: groups.length > 1 ? 4 : undefined } }}
    >
      {groups.length > 1 ? (
        <Tabs
          activeKey={active}
          onChange={(key) => onActiveChange?.(key as ConversionGroupBy)}
          items={groups.map((group) => ({ key: group, label: tabLabel(group), children: group === active ? pane(group) : null }))}
          destroyOnHidden
        />
      ) : (
        pane(active)
      )}
    </Card>
  );
}
