import { useMemo, useRef } from 'react';
import { Bar, DualAxes, Funnel } from '@ant-design/plots';
import { LEAD_STATUS_LABELS, type ApplicationReportRow, type ConversionRow, type FunnelStage } from '@advisordesk/shared';
import { BRAND } from '@advisordesk/admin-ui';
import { formatCount, formatRate } from './report-api';

/**
 * The report charts, drawn with @ant-design/plots (G2). This module is only ever imported
 * lazily (see `lazy-charts.tsx`), so the chart engine loads after the page, never with the panel.
 */

const ENROLLED_COLOUR = '#2e7d5b';
const OPEN_COLOUR = '#9db8d3';
const LEADS_COLOUR = '#5b86b0';
const FUNNEL_COLOURS = ['#1f4e79', '#265d8c', '#2d6c9e', '#1f7f8f', '#137b7b', '#23866a', ENROLLED_COLOUR];

/** Counts have no halves: axis ticks between whole numbers stay unlabelled. */
const wholeNumbers = (value: number) => (Number.isInteger(value) ? formatCount(value) : '');

interface G2Event {
  data?: { data?: unknown };
}

/**
 * Clicks on a bar, band or its label, with the datum drawn there. Subscribed on the G2 chart
 * itself (the wrapper re-emits events under their bare DOM names); a ref keeps the latest
 * handler without redrawing the chart.
 */
function useElementClick<T>(onSelect: ((datum: T) => void) | undefined) {
  const handler = useRef(onSelect);
  handler.current = onSelect;
  return useMemo(
    () => (plot: { chart?: { on: (name: string, listener: (event: G2Event) => void) => void } }) => {
      const listener = (event: G2Event) => {
        const datum = event?.data?.data;
        if (datum && typeof datum === 'object' && !Array.isArray(datum)) handler.current?.(datum as T);
      };
      plot.chart?.on('element:click', listener);
      plot.chart?.on('label:click', listener);
    },
    [],
  );
}

/** A stage with its name, as the chart draws it. */
type FunnelDatum = FunnelStage & { label: string };

export function FunnelChart({
  stages,
  height = 300,
  onSelect,
}: {
  stages: FunnelStage[];
  height?: number;
  onSelect?: (stage: FunnelStage['stage']) => void;
}) {
  const onReady = useElementClick<FunnelDatum>((datum) => datum.stage && onSelect?.(datum.stage));
  const config = useMemo(() => {
    const data: FunnelDatum[] = stages.map((s) => ({
      stage: s.stage,
      label: LEAD_STATUS_LABELS[s.stage],
      reached: s.reached,
      fromPrevious: s.fromPrevious,
      fromStart: s.fromStart,
    }));
    return {
      data,
      xField: 'label',
      yField: 'reached',
      height,
      autoFit: true,
      legend: false as const,
      scale: { color: { range: FUNNEL_COLOURS } },
      paddingRight: 48,
      // Stage names down the left, counts beside each band (a narrow band has no room inside).
      axis: { x: { title: false, line: false, tick: false, labelFontSize: 12, labelFill: '#1d2733', labelFillOpacity: 0.85 }, y: false },
      label: {
        text: (d: FunnelDatum) => formatCount(d.reached),
        position: 'right',
        textAlign: 'start',
        dx: 8,
        fontSize: 12,
        fontWeight: 600,
        fill: BRAND.ink,
        transform: [],
      },
      tooltip: {
        title: (d: FunnelDatum) => d.label,
        items: [
          (d: FunnelDatum) => ({ name: 'Reached', value: formatCount(d.reached) }),
          (d: FunnelDatum) => ({ name: 'From previous stage', value: formatRate(d.fromPrevious) }),
          (d: FunnelDatum) => ({ name: 'From new', value: formatRate(d.fromStart) }),
        ],
      },
      style: { cursor: onSelect ? 'pointer' : 'default' },
      animate: false as const,
      onReady,
    };
  }, [stages, height, onReady, onSelect]);
  return (
    <div role="img" aria-label={`Funnel: ${stages.map((s) => `${LEAD_STATUS_LABELS[s.stage]} ${s.reached}`).join(', ')}`}>
      <Funnel {...config} />
    </div>
  );
}

interface BarDatum {
  label: string;
  part: 'Enrolled' | 'Not enrolled';
  value: number;
  row: ConversionRow;
}

/** Per group, one bar for its leads, the enrolled part in green; the rate at the end of the bar. */
export function ConversionBarChart({ rows, height, onSelect }: { rows: ConversionRow[]; height?: number; onSelect?: (row: ConversionRow) => void }) {
  const onReady = useElementClick<BarDatum>((datum) => datum.row && onSelect?.(datum.row));
  const config = useMemo(() => {
    const data: BarDatum[] = rows.flatMap((row) => [
      { label: row.label, part: 'Enrolled' as const, value: row.enrolled, row },
      { label: row.label, part: 'Not enrolled' as const, value: row.leads - row.enrolled, row },
    ]);
    return {
      data,
      xField: 'label',
      yField: 'value',
      colorField: 'part',
      stack: true,
      height: height ?? Math.max(160, 64 + rows.length * 34),
      autoFit: true,
      scale: { color: { domain: ['Enrolled', 'Not enrolled'], range: [ENROLLED_COLOUR, OPEN_COLOUR] }, x: { padding: 0.3 } },
      axis: {
        x: { title: false, labelFormatter: (label: string) => (label.length > 22 ? `${label.slice(0, 21)}…` : label) },
        y: { title: false, labelFormatter: (value: number) => formatCount(value) },
      },
      legend: { color: { position: 'top', layout: { justifyContent: 'flex-start' } } },
      label: {
        text: (d: BarDatum) => (d.part === 'Not enrolled' ? `${formatCount(d.row.leads)} · ${formatRate(d.row.conversionRate)}` : ''),
        position: 'right',
        textAlign: 'start',
        dx: 6,
        fontSize: 12,
        fill: BRAND.ink,
      },
      tooltip: {
        title: (d: BarDatum) => d.label,
        items: [
          (d: BarDatum) =>
            d.part === 'Enrolled'
              ? { name: 'Enrolled', value: `${formatCount(d.row.enrolled)} (${formatRate(d.row.conversionRate)})` }
              : { name: 'Leads', value: formatCount(d.row.leads) },
        ],
      },
      // Room on the right for the labels after the longest bar.
      paddingRight: 96,
      style: { cursor: onSelect ? 'pointer' : 'default', maxWidth: 26 },
      animate: false as const,
      onReady,
    };
  }, [rows, height, onReady, onSelect]);
  return (
    <div
      role="img"
      aria-label={`Bar chart of leads and enrolments: ${rows.map((r) => `${r.label} ${r.leads} leads, ${r.enrolled} enrolled`).join('; ')}`}
    >
      <Bar {...config} />
    </div>
  );
}

/** A week of the conversion report grouped by week (`key` is its Monday), as the chart draws it. */
export type WeekPoint = Pick<ConversionRow, 'key' | 'label' | 'leads' | 'enrolled'>;

/** Leads per week (columns, left axis) and enrolments from those leads (line, right axis). */
export function WeeklyTrendChart({ weeks, height = 280, onSelect }: { weeks: WeekPoint[]; height?: number; onSelect?: (week: WeekPoint) => void }) {
  const onReady = useElementClick<WeekPoint>((datum) => datum.key && onSelect?.(datum));
  const config = useMemo(
    () => ({
      data: weeks,
      xField: 'label',
      height,
      autoFit: true,
      legend: { color: { position: 'top', layout: { justifyContent: 'flex-start' } } },
      scale: { color: { domain: ['Leads', 'Enrolled'], range: [LEADS_COLOUR, ENROLLED_COLOUR] } },
      axis: { x: { title: false } },
      children: [
        {
          type: 'interval',
          yField: 'leads',
          colorField: () => 'Leads',
          style: { maxWidth: 28, cursor: onSelect ? 'pointer' : 'default' },
          axis: { y: { title: 'Leads', labelFormatter: wholeNumbers } },
          tooltip: { items: [(d: WeekPoint) => ({ name: 'Leads', value: formatCount(d.leads), color: LEADS_COLOUR })] },
        },
        {
          type: 'line',
          yField: 'enrolled',
          colorField: () => 'Enrolled',
          style: { lineWidth: 2.5 },
          axis: { y: { position: 'right', title: 'Enrolled', labelFormatter: wholeNumbers } },
          tooltip: { items: [(d: WeekPoint) => ({ name: 'Enrolled', value: formatCount(d.enrolled), color: ENROLLED_COLOUR })] },
        },
      ],
      animate: false as const,
      onReady,
    }),
    [weeks, height, onReady, onSelect],
  );
  return (
    <div role="img" aria-label={`Leads and enrolments per week, ${weeks.length} weeks`}>
      <DualAxes {...config} />
    </div>
  );
}

const APPLICATION_SERIES = ['Applications', 'Submitted', 'Offers', 'Enrolled'] as const;
const APPLICATION_COLOURS = [LEADS_COLOUR, '#d4a106', '#7cb305', ENROLLED_COLOUR];

interface ApplicationDatum {
  label: string;
  series: (typeof APPLICATION_SERIES)[number];
  value: number;
  row: ApplicationReportRow;
}

/** Per group, four bars side by side: applications made, how many were submitted, got an offer, enrolled. */
export function ApplicationsBarChart({
  rows,
  height,
  onSelect,
}: {
  rows: ApplicationReportRow[];
  height?: number;
  onSelect?: (row: ApplicationReportRow) => void;
}) {
  const onReady = useElementClick<ApplicationDatum>((datum) => datum.row && onSelect?.(datum.row));
  const config = useMemo(() => {
    const data: ApplicationDatum[] = rows.flatMap((row) => [
      { label: row.label, series: 'Applications' as const, value: row.applications, row },
      { label: row.label, series: 'Submitted' as const, value: row.submitted, row },
      { label: row.label, series: 'Offers' as const, value: row.offers, row },
      { label: row.label, series: 'Enrolled' as const, value: row.enrolled, row },
    ]);
    return {
      data,
      xField: 'label',
      yField: 'value',
      colorField: 'series',
      group: true,
      height: height ?? Math.max(180, 72 + rows.length * 64),
      autoFit: true,
      scale: { color: { domain: [...APPLICATION_SERIES], range: APPLICATION_COLOURS }, x: { padding: 0.2 } },
      axis: {
        x: { title: false, labelFormatter: (label: string) => (label.length > 22 ? `${label.slice(0, 21)}…` : label) },
        y: { title: false, labelFormatter: wholeNumbers },
      },
      legend: { color: { position: 'top', layout: { justifyContent: 'flex-start' } } },
      tooltip: { title: (d: ApplicationDatum) => d.label, items: [(d: ApplicationDatum) => ({ name: d.series, value: formatCount(d.value) })] },
      style: { cursor: onSelect ? 'pointer' : 'default', maxWidth: 18 },
      animate: false as const,
      onReady,
    };
  }, [rows, height, onReady, onSelect]);
  return (
    <div
      role="img"
      aria-label={`Bar chart of applications: ${rows.map((r) => `${r.label} ${r.applications} applications, ${r.submitted} submitted, ${r.offers} offers, ${r.enrolled} enrolled`).join('; ')}`}
    >
      <Bar {...config} />
    </div>
  );
}
