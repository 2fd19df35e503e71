import type { CSSProperties, ReactNode } from 'react';
import type { CrudFilter } from '@refinedev/core';
import { InfoCircleOutlined } from '@ant-design/icons';
import { Button, Card, Col, Grid, Row, Skeleton, Space, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import { LEAD_STATUS_LABELS, type FunnelReport, type FunnelStage, type PipelineStage } from '@advisordesk/shared';
import { LazyFunnelChart } from './lazy-charts';
import { formatCount, formatRate, useFunnelReport } from './report-api';
import { stageFilters } from './report-query';
import { NoLeads, Reloading, ReportError } from './report-states';

export interface DrillDown {
  /** Opens the lead list with the report's cohort and these extra filters; absent for roles without the lead list. */
  open?: (extra: CrudFilter[]) => void;
}

/** A stage name that opens its leads, saying in a tooltip which leads the list will show. */
function StageLink({ stage, label, drill }: { stage: PipelineStage | 'lost'; label: ReactNode; drill: DrillDown }) {
  if (!drill.open) return <>{label}</>;
  const target = stageFilters(stage);
  const open = drill.open;
  return (
    <Tooltip title={target.explanation}>
      <Button
        type="link"
        size="small"
        onClick={() => open(target.filters)}
        style={{ paddingInline: 0, height: 'auto' }}
        data-testid={`funnel-open-${stage}`}
      >
        {label}
        {!target.exact && <InfoCircleOutlined style={{ fontSize: 11, marginInlineStart: 2 }} aria-hidden />}
      </Button>
    </Tooltip>
  );
}

function StageTable({ report, drill, compact }: { report: FunnelReport; drill: DrillDown; compact: boolean }) {
  const columns: TableColumnsType<FunnelStage> = [
    {
      title: 'Stage',
      key: 'stage',
      render: (_, row) => <StageLink stage={row.stage} label={LEAD_STATUS_LABELS[row.stage]} drill={drill} />,
    },
    {
      title: 'Reached',
      dataIndex: 'reached',
      align: 'right',
      render: (value: number, row) => (
        <Typography.Text strong data-testid={`funnel-reached-${row.stage}`} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {formatCount(value)}
        </Typography.Text>
      ),
    },
    {
      title: <Tooltip title="Share of the leads that reached the stage before">From previous</Tooltip>,
      dataIndex: 'fromPrevious',
      align: 'right',
      render: (value: number | null, row) => (row.stage === 'new' ? '' : formatRate(value)),
    },
    {
      title: <Tooltip title="Share of all the period's leads">From start</Tooltip>,
      dataIndex: 'fromStart',
      align: 'right',
      responsive: compact ? ['xl'] : undefined,
      render: (value: number | null) => formatRate(value),
    },
  ];
  const total = report.stages[0]?.reached ?? 0;
  return (
    <Space direction="vertical" size={8} style={{ width: '100%' }}>
      <Table<FunnelStage> rowKey="stage" size="small" columns={columns} dataSource={report.stages} pagination={false} data-testid="funnel-table" />
      <Typography.Text type="secondary" data-testid="funnel-lost">
        <StageLink stage="lost" label="Lost" drill={drill} />: {formatCount(report.lost)}
        {total > 0 && ` (${formatRate(report.lost / total)} of the period's leads)`}
      </Typography.Text>
    </Space>
  );
}

/**
 * The pipeline funnel of the leads created in the period: how many reached each stage (skipped
 * stages count as reached), with the conversion from the stage before and from the start.
 */
export function FunnelCard({
  params,
  filtered,
  drill,
  compact = false,
  extra,
  style,
}: {
  params: Record<string, string>;
  filtered: boolean;
  drill: DrillDown;
  compact?: boolean;
  extra?: ReactNode;
  style?: CSSProperties;
}) {
  const screens = Grid.useBreakpoint();
  const funnel = useFunnelReport(params);
  const report = funnel.data;
  const empty = report && (report.stages[0]?.reached ?? 0) === 0;
  const chartHeight = compact ? 240 : screens.md === false ? 260 : 320;
  const onStage = drill.open ? (stage: PipelineStage) => drill.open?.(stageFilters(stage).filters) : undefined;

  return (
    <Card
      title="Pipeline funnel"
      extra={extra}
      style={style}
      data-testid="funnel-card"
      styles={{ body: { padding: screens.sm === false ? 12 : undefined } }}
    >
      {funnel.isError && !report ? (
        <ReportError what="the funnel" error={funnel.error} onRetry={() => funnel.refetch()} />
      ) : !report ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : empty ? (
        <NoLeads filtered={filtered} />
      ) : (
        <Reloading active={funnel.isPlaceholderData && funnel.isFetching}>
          <Row gutter={[24, 16]} align="middle">
            <Col xs={24} lg={compact ? 24 : 13}>
              <LazyFunnelChart stages={report.stages} height={chartHeight} onSelect={onStage} />
            </Col>
            {!compact && (
              <Col xs={24} lg={11}>
                <StageTable report={report} drill={drill} compact={compact} />
              </Col>
            )}
          </Row>
          {compact && (
            <Typography.Text type="secondary" data-testid="funnel-summary">
              {formatCount(report.stages[0].reached)} leads · {formatCount(report.stages[report.stages.length - 1].reached)} enrolled (
              {formatRate(report.stages[report.stages.length - 1].fromStart)}) · {formatCount(report.lost)} lost
            </Typography.Text>
          )}
        </Reloading>
      )}
    </Card>
  );
}
