import { useEffect, useState } from 'react';
import { Tag } from 'antd';
import type { BreachStatus, BreachView } from '@advisordesk/shared';
import { breachClock, type BreachClockTone } from './breach-clock';

export const BREACHES_PATH = '/breaches';
export const BREACH_CREATE_PATH = '/breaches/create';

const STATUS_TAGS: Record<BreachStatus, { label: string; color: string }> = {
  open: { label: 'Open', color: 'orange' },
  reported: { label: 'Reported to the Board', color: 'blue' },
  closed: { label: 'Closed', color: 'default' },
};

const CLOCK_COLOURS: Record<BreachClockTone, string> = { ok: 'default', soon: 'gold', overdue: 'red', reported: 'green' };

export function BreachStatusTag({ status }: { status: BreachStatus }) {
  const tag = STATUS_TAGS[status];
  return (
    <Tag color={tag.color} bordered={false} style={{ marginInlineEnd: 0 }}>
      {tag.label}
    </Tag>
  );
}

/** The moment now, again every `everyMs`: what a live countdown reads. */
export function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** The 72-hour clock as a tag: grey with more than a day left, gold on the last day, red overdue, green reported. */
export function BreachClockTag({ breach, now, precise }: { breach: Pick<BreachView, 'reportDueAt' | 'reportedAt'>; now: Date; precise?: boolean }) {
  const clock = breachClock(breach, now, precise);
  return (
    <Tag color={CLOCK_COLOURS[clock.tone]} bordered={false} style={{ marginInlineEnd: 0, whiteSpace: 'normal' }} data-testid="breach-clock">
      {clock.text}
    </Tag>
  );
}
