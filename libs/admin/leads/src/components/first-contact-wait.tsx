import { useEffect, useState } from 'react';
import { FieldTimeOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { formatIstDateTime, type LeadView } from '@advisordesk/shared';
import { firstContactWait } from '../speed-to-lead';

/** The clock of a wait, ticking once a minute while on screen. */
function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/**
 * Speed to lead, for a lead nobody contacted yet: "waiting 2 h 10 min" (on a board card, `compact`:
 * the clock icon and "2 h 10 min"), red once its first-contact time has passed.
 */
export function FirstContactWait({
  lead,
  compact = false,
}: {
  lead: Pick<LeadView, 'status' | 'createdAt' | 'firstContactDueAt'>;
  compact?: boolean;
}) {
  const now = useMinuteClock();
  const wait = firstContactWait(lead, now);
  if (!wait) return null;
  const due = lead.firstContactDueAt ? formatIstDateTime(lead.firstContactDueAt, { now }) : null;
  return (
    <Typography.Text
      type={wait.late ? 'danger' : 'secondary'}
      strong={wait.late}
      style={{ fontSize: 12, whiteSpace: 'nowrap' }}
      title={`${wait.text}: ${due ? (wait.late ? `should have been called by ${due}` : `call by ${due}`) : 'not contacted yet'}`}
      data-testid="first-contact-wait"
      data-late={wait.late ? 'true' : 'false'}
    >
      <FieldTimeOutlined /> {compact ? wait.short : wait.text}
    </Typography.Text>
  );
}
