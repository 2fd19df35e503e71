import { Tag } from 'antd';
import { LEAD_STATUS_COLORS, LEAD_STATUS_LABELS, LOST_REASON_LABELS, type LeadStatus, type LostReason } from '@advisordesk/shared';

/** A lead's status as a coloured tag; a lost lead also says why. */
export function LeadStatusTag({ status, lostReason, withReason = false }: { status: LeadStatus; lostReason?: LostReason | null; withReason?: boolean }) {
  return (
    <Tag color={LEAD_STATUS_COLORS[status]} bordered={false} style={{ marginInlineEnd: 0 }} data-status={status}>
      {LEAD_STATUS_LABELS[status] ?? status}
      {withReason && status === 'lost' && lostReason ? ` · ${LOST_REASON_LABELS[lostReason] ?? lostReason}` : ''}
    </Tag>
  );
}
