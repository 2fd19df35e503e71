import { Tag } from 'antd';
import { LEAD_STATUS_COLORS, LEAD_STATUS_LABELS, LOST_REASON_LABELS, type LeadStatus, type LostReason } from '@advisordesk/shared';

/** The colour of each status's tag as a hex, for what is drawn outside a tag (bars, column borders). */
const TAG_HEX: Record<string, string> = {
  blue: '#1677ff',
  cyan: '#13c2c2',
  geekblue: '#2f54eb',
  purple: '#722ed1',
  gold: '#d4a106',
  lime: '#7cb305',
  green: '#389e0d',
  red: '#cf1322',
};

export const statusColour = (status: LeadStatus): string => TAG_HEX[LEAD_STATUS_COLORS[status]] ?? '#1f4e79';

/** A lead's status as a coloured tag; a lost lead also says why. */
export function LeadStatusTag({
  status,
  lostReason,
  withReason = false,
}: {
  status: LeadStatus;
  lostReason?: LostReason | null;
  withReason?: boolean;
}) {
  return (
    <Tag color={LEAD_STATUS_COLORS[status]} bordered={false} style={{ marginInlineEnd: 0 }} data-status={status}>
      {LEAD_STATUS_LABELS[status] ?? status}
      {withReason && status === 'lost' && lostReason ? ` · ${LOST_REASON_LABELS[lostReason] ?? lostReason}` : ''}
    </Tag>
  );
}
