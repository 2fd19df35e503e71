import { forwardRef, type CSSProperties, type HTMLAttributes } from 'react';
import { useLink } from '@refinedev/core';
import { useDraggable } from '@dnd-kit/core';
import { MoreOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Typography, type MenuProps } from 'antd';
import {
  allowedTargets,
  formatPhone,
  LEAD_SOURCE_LABELS,
  LEAD_STATUS_COLORS,
  LEAD_STATUS_LABELS,
  type LeadStatus,
  type LeadView,
  type Role,
} from '@advisordesk/shared';
import { FirstContactWait } from './first-contact-wait';
import { FollowUpDate } from './follow-up-date';
import { RepliedBadge } from './replied-badge';

interface CardBodyProps extends HTMLAttributes<HTMLDivElement> {
  lead: LeadView;
  userRole: Role;
  showAdvisor: boolean;
  dragging?: boolean;
  overlay?: boolean;
  busy?: boolean;
  onMove?: (lead: LeadView, to: LeadStatus) => void;
}

/** What a card shows: name (to the lead's page), phone, interest, next follow-up; and a "Move to" menu. */
export const BoardCardBody = forwardRef<HTMLDivElement, CardBodyProps>(function BoardCardBody(
  { lead, userRole, showAdvisor, dragging, overlay, busy, onMove, style, ...rest },
  ref,
) {
  const Link = useLink();
  const targets = allowedTargets(lead.status, userRole);
  const items: MenuProps['items'] = targets.map((status) => ({
    key: status,
    label: <Badge color={LEAD_STATUS_COLORS[status]} text={status === 'lost' ? 'Lost…' : LEAD_STATUS_LABELS[status]} />,
  }));
  const cardStyle: CSSProperties = {
    background: '#fff',
    border: '1px solid #e3e8ef',
    borderRadius: 8,
    padding: '8px 8px',
    boxShadow: overlay ? '0 8px 24px rgba(31, 78, 121, 0.25)' : '0 1px 2px rgba(0, 0, 0, 0.04)',
    opacity: dragging ? 0.35 : busy ? 0.6 : 1,
    cursor: overlay ? 'grabbing' : 'grab',
    touchAction: 'manipulation',
    userSelect: 'none',
    transform: overlay ? 'rotate(2deg)' : undefined,
    ...style,
  };
  return (
    <div
      ref={ref}
      style={cardStyle}
      data-testid="board-card"
      data-lead-id={lead.id}
      data-status={lead.status}
      data-saving={busy ? 'true' : undefined}
      aria-busy={busy || undefined}
      {...rest}
    >
      <div style={{ display: 'flex', alignItems: 'flex-start', gap: 4 }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Link
            to={`/leads/${lead.id}`}
            draggable={false}
            // Up to two lines: compact columns still show a whole name.
            style={{
              fontWeight: 600,
              display: '-webkit-box',
              WebkitLineClamp: 2,
              WebkitBoxOrient: 'vertical',
              overflow: 'hidden',
              overflowWrap: 'anywhere',
            }}
            title={lead.fullName}
          >
            {lead.fullName}
          </Link>
          <RepliedBadge lead={lead} />
        </div>
        {onMove && targets.length > 0 && !overlay && (
          <Dropdown
            menu={{
              items,
              onClick: ({ key, domEvent }) => {
                domEvent.stopPropagation();
                onMove(lead, key as LeadStatus);
              },
            }}
            trigger={['click']}
            placement="bottomRight"
          >
            <Button
              type="text"
              size="small"
              icon={<MoreOutlined />}
              aria-label={`Move ${lead.fullName}`}
              onPointerDown={(event) => event.stopPropagation()}
              onMouseDown={(event) => event.stopPropagation()}
              onTouchStart={(event) => event.stopPropagation()}
              onKeyDown={(event) => event.stopPropagation()}
            />
          </Dropdown>
        )}
      </div>
      {/* Under the name and the menu, across the card: the whole number fits a compact column. */}
      <Typography.Text type="secondary" style={{ fontSize: 11, whiteSpace: 'nowrap', display: 'block', fontVariantNumeric: 'tabular-nums' }} ellipsis>
        {lead.phone ? formatPhone(lead.phone) : lead.reference}
      </Typography.Text>
      {lead.courseInterest && (
        <Typography.Paragraph ellipsis={{ rows: 1 }} style={{ fontSize: 12, margin: '4px 0 0' }} title={lead.courseInterest}>
          {lead.courseInterest}
        </Typography.Paragraph>
      )}
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 6, marginTop: 4, fontSize: 12, flexWrap: 'wrap' }}>
        <div style={{ minWidth: 0, maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
          {lead.status === 'new' ? <FirstContactWait lead={lead} compact /> : <FollowUpDate value={lead.nextFollowUpAt} empty="" small />}
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 11 }} ellipsis>
          {showAdvisor ? (lead.advisorName ?? 'Unassigned') : (lead.utmCampaign ?? LEAD_SOURCE_LABELS[lead.source])}
        </Typography.Text>
      </div>
    </div>
  );
});

/** A card that can be dragged to another column (mouse, long-press on touch, or keyboard). */
export function BoardCard(props: Omit<CardBodyProps, 'dragging' | 'overlay'>) {
  const { lead } = props;
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: lead.id, data: { lead }, disabled: props.busy });
  return (
    <BoardCardBody
      ref={setNodeRef}
      {...props}
      dragging={isDragging}
      {...attributes}
      {...listeners}
      aria-roledescription="Draggable lead"
      aria-label={`${lead.fullName}, ${LEAD_STATUS_LABELS[lead.status]}`}
    />
  );
}
