import { useMemo } from 'react';
import { Column } from '@ant-design/plots';
import { BRAND } from '@advisordesk/admin-ui';
import { monthLabel } from '../request-text';

/** Counts have no halves: axis ticks between whole numbers stay unlabelled. */
const wholeNumbers = (value: number) => (Number.isInteger(value) ? value.toLocaleString('en-IN') : '');

/**
 * Leads erased by retention, a column per month (India). Drawn with @ant-design/plots, the reports'
 * chart engine; imported lazily, so the engine loads only when the chart is drawn.
 */
export default function ErasedByMonthChart({ months, height = 200 }: { months: { month: string; count: number }[]; height?: number }) {
  const config = useMemo(
    () => ({
      data: months.map((m) => ({ label: monthLabel(m.month), count: m.count })),
      xField: 'label',
      yField: 'count',
      height,
      autoFit: true,
      // The month alone under each column ("Nov"); the tooltip names the year.
      axis: {
        x: { title: false, labelFormatter: (label: string) => label.slice(0, 3), labelAutoRotate: false, labelAutoHide: true },
        y: { title: false, labelFormatter: wholeNumbers },
      },
      style: { fill: BRAND.ink, maxWidth: 28 },
      tooltip: {
        title: (d: { label: string }) => d.label,
        items: [(d: { count: number }) => ({ name: 'Erased', value: d.count.toLocaleString('en-IN') })],
      },
      animate: false as const,
    }),
    [months, height],
  );
  return (
    <div role="img" aria-label={`Leads erased by retention per month: ${months.map((m) => `${monthLabel(m.month)} ${m.count}`).join(', ')}`}>
      <Column {...config} />
    </div>
  );
}
