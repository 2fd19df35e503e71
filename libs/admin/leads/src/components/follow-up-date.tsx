import { ClockCircleOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import { Typography } from 'antd';
import { formatIstDateTime } from '@advisordesk/shared';
import { describeDue, dueState } from '../ist';

/**
 * A follow-up time in India: "Today, 4:30 pm" in amber, an overdue one in red with "Overdue",
 * later ones plainly. `empty` is what shows when there is none.
 */
export function FollowUpDate({
  value,
  empty = '—',
  now,
  small = false,
}: {
  value: string | null | undefined;
  empty?: string;
  now?: Date;
  small?: boolean;
}) {
  const fontSize = small ? 12 : undefined;
  if (!value)
    return (
      <Typography.Text type="secondary" style={{ fontSize }}>
        {empty}
      </Typography.Text>
    );
  const state = dueState(value, now);
  const text = describeDue(value, now);
  if (state === 'overdue') {
    return (
      <Typography.Text
        type="danger"
        strong
        title={`Overdue since ${formatIstDateTime(value)}`}
        style={{ whiteSpace: 'nowrap', fontSize }}
        data-due="overdue"
      >
        <ExclamationCircleFilled /> {text}
        <span className="sr-only"> (overdue)</span>
      </Typography.Text>
    );
  }
  return (
    <Typography.Text
      type={state === 'today' ? 'warning' : undefined}
      strong={state === 'today'}
      title={formatIstDateTime(value)}
      style={{ whiteSpace: 'nowrap', fontSize }}
      data-due={state}
    >
      {state === 'today' && <ClockCircleOutlined />} {text}
    </Typography.Text>
  );
}
