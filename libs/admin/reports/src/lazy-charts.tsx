import { lazy, Suspense, type ComponentProps } from 'react';
import { Skeleton } from 'antd';

/**
 * The charts, each loaded on first use: the chart engine (@ant-design/plots, its own `charts`
 * chunk) is fetched only once a page actually draws a chart, never with the panel's first paint.
 */
const loadCharts = () => import('./charts');
const Funnel = lazy(() => loadCharts().then((m) => ({ default: m.FunnelChart })));
const ConversionBars = lazy(() => loadCharts().then((m) => ({ default: m.ConversionBarChart })));
const WeeklyTrend = lazy(() => loadCharts().then((m) => ({ default: m.WeeklyTrendChart })));
const ApplicationBars = lazy(() => loadCharts().then((m) => ({ default: m.ApplicationsBarChart })));

export function ChartSkeleton({ height }: { height: number }) {
  return (
    <div style={{ height, overflow: 'hidden' }} aria-busy="true" aria-label="Loading chart">
      <Skeleton active title={false} paragraph={{ rows: Math.max(2, Math.floor(height / 44)), width: '100%' }} />
    </div>
  );
}

export function LazyFunnelChart(props: ComponentProps<typeof Funnel>) {
  return (
    <Suspense fallback={<ChartSkeleton height={props.height ?? 300} />}>
      <Funnel {...props} />
    </Suspense>
  );
}

export function LazyConversionBarChart(props: ComponentProps<typeof ConversionBars>) {
  return (
    <Suspense fallback={<ChartSkeleton height={props.height ?? 200} />}>
      <ConversionBars {...props} />
    </Suspense>
  );
}

export function LazyWeeklyTrendChart(props: ComponentProps<typeof WeeklyTrend>) {
  return (
    <Suspense fallback={<ChartSkeleton height={props.height ?? 280} />}>
      <WeeklyTrend {...props} />
    </Suspense>
  );
}

export function LazyApplicationsBarChart(props: ComponentProps<typeof ApplicationBars>) {
  return (
    <Suspense fallback={<ChartSkeleton height={props.height ?? 220} />}>
      <ApplicationBars {...props} />
    </Suspense>
  );
}
