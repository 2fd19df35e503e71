import { Tag, Typography } from 'antd';
import { DATA_REQUEST_STATUS_LABELS, formatIstDay, type DataRequestStatus, type DataRequestView } from '@advisordesk/shared';
import { dueInfo } from '../request-text';

const STATUS_COLOURS: Record<DataRequestStatus, string> = { unverified: 'default', open: 'blue', done: 'green', refused: 'red' };

export function RequestStatusTag({ status }: { status: DataRequestStatus }) {
  return (
    <Tag color={STATUS_COLOURS[status]} bordered={false} style={{ marginInlineEnd: 0 }} data-status={status}>
      {DATA_REQUEST_STATUS_LABELS[status]}
    </Tag>
  );
}

/** The due date (India) and how near it is: red once overdue and still unanswered, amber when near. */
export function DueText({ request, withDate = true }: { request: Pick<DataRequestView, 'dueAt' | 'status'>; withDate?: boolean }) {
  const due = dueInfo(request);
  if (!request.dueAt) return <Typography.Text type="secondary">{due.text || '—'}</Typography.Text>;
  return (
    <span data-overdue={due.overdue ? 'true' : undefined}>
      {withDate && <span style={{ whiteSpace: 'nowrap' }}>{formatIstDay(request.dueAt)}</span>}
      {withDate && due.text && ' · '}
      {due.text && (
        <Typography.Text type={due.overdue ? 'danger' : due.soon ? 'warning' : undefined} strong={due.overdue} style={{ whiteSpace: 'nowrap' }}>
          {due.text}
        </Typography.Text>
      )}
    </span>
  );
}
