import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { Card, Grid, Skeleton, Typography } from 'antd';
import type { WeekPoint } from './charts';
import { LazyWeeklyTrendChart } from './lazy-charts';
import { formatCount, useConversionReport } from './report-api';
import { groupFilters, shortDay, weeksOf, type ReportRange } from './report-query';
import { NoLeads, Reloading, ReportError } from './report-states';
import type { DrillDown } from './funnel-card';

/** Leads created per week (Monday to Sunday, Asia/Kolkata) and how many of them have enrolled. */
export function TrendCard({
  params,
  range,
  filtered,
  drill,
  compact = false,
  extra,
  style,
}: {
  params: Record<string, string>;
  range: ReportRange;
  filtered: boolean;
  drill: DrillDown;
  compact?: boolean;
  extra?: ReactNode;
  style?: CSSProperties;
}) {
  const screens = Grid.useBreakpoint();
  const trend = useConversionReport('week', params);
  const rows = trend.data?.rows;
  const weeks = useMemo<WeekPoint[] | undefined>(() => {
    if (!rows) return undefined;
    const byWeek = new Map(rows.map((row) => [row.key, row]));
    // Weeks without leads are absent from the answer: show them as 0 so the trend is honest.
    return weeksOf(range).map((key) => ({ key, label: shortDay(key), leads: byWeek.get(key)?.leads ?? 0, enrolled: byWeek.get(key)?.enrolled ?? 0 }));
  }, [rows, range]);
  const totals = useMemo(
    () => (rows ?? []).reduce((sum, row) => ({ leads: sum.leads + row.leads, enrolled: sum.enrolled + row.enrolled }), { leads: 0, enrolled: 0 }),
    [rows],
  );
  const open = drill.open;

  return (
    <Card
      title="Weekly trend"
      extra={extra}
      style={style}
      data-testid="trend-card"
      styles={{ body: { padding: screens.sm === false ? 12 : undefined } }}
    >
      {trend.isError && !rows ? (
        <ReportError what="the weekly trend" error={trend.error} onRetry={() => trend.refetch()} />
      ) : !weeks ? (
        <Skeleton active paragraph={{ rows: 5 }} />
      ) : totals.leads === 0 ? (
        <NoLeads filtered={filtered} />
      ) : (
        <Reloading active={trend.isPlaceholderData && trend.isFetching}>
          <LazyWeeklyTrendChart
            weeks={weeks}
            height={compact ? 220 : 280}
            onSelect={open ? (week) => open(groupFilters('week', { key: week.key, label: week.label }, range)) : undefined}
          />
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }} data-testid="trend-summary">
            {formatCount(totals.leads)} leads over {weeks.length} {weeks.length === 1 ? 'week' : 'weeks'}, {formatCount(totals.enrolled)} enrolled so
            far. Weeks run Monday to Sunday (IST)
            {open ? '; select a column to open that week’s leads.' : '.'}
          </Typography.Text>
        </Reloading>
      )}
    </Card>
  );
}
