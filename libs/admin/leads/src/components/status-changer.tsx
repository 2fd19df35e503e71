import { useState, type ReactNode } from 'react';
import { DownOutlined, SwapOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Tooltip, type MenuProps } from 'antd';
import { allowedTargets, LEAD_STATUS_COLORS, LEAD_STATUS_LABELS, type LeadStatus, type LeadView, type Role } from '@advisordesk/shared';
import { useChangeStatus } from '../use-lead-actions';
import { StatusChangeModal } from './status-change-modal';

/**
 * The one way a move is confirmed on the lead page (the status menu and the stage bar): the
 * status-change dialog (a note; a reason when lost), then the change is saved.
 */
export function useStatusChangeDialog(lead: LeadView): { ask: (to: LeadStatus) => void; saving: boolean; dialog: ReactNode } {
  const [target, setTarget] = useState<LeadStatus | undefined>();
  const change = useChangeStatus({ onStale: () => setTarget(undefined) });
  const dialog = (
    <StatusChangeModal
      open={target !== undefined}
      leadName={lead.fullName}
      from={lead.status}
      to={target}
      loading={change.isPending}
      onCancel={() => setTarget(undefined)}
      onConfirm={(values) => {
        if (!target) return;
        change.mutate({ lead, change: { status: target, ...values } }, { onSuccess: () => setTarget(undefined) });
      }}
    />
  );
  return { ask: setTarget, saving: change.isPending, dialog };
}

/**
 * "Change status": only the moves this role may make (forward, or lost with a reason; back and
 * reopening for managers), each confirmed with an optional note.
 */
export function StatusChanger({ lead, role, block = false }: { lead: LeadView; role: Role; block?: boolean }) {
  const { ask, saving, dialog } = useStatusChangeDialog(lead);
  const targets = allowedTargets(lead.status, role);

  if (!targets.length) {
    const why = lead.status === 'enrolled' ? 'Enrolled is the end of the pipeline' : 'Only a manager can reopen a lost lead';
    return (
      <Tooltip title={why}>
        <Button icon={<SwapOutlined />} disabled block={block}>
          Change status
        </Button>
      </Tooltip>
    );
  }

  const items: MenuProps['items'] = targets.map((status) => ({
    key: status,
    label: <Badge color={LEAD_STATUS_COLORS[status]} text={status === 'lost' ? 'Mark as lost…' : LEAD_STATUS_LABELS[status]} />,
    danger: status === 'lost',
  }));

  return (
    <>
      <Dropdown menu={{ items, onClick: ({ key }) => ask(key as LeadStatus) }} trigger={['click']}>
        <Button icon={<SwapOutlined />} loading={saving} block={block} data-testid="change-status">
          Change status <DownOutlined />
        </Button>
      </Dropdown>
      {dialog}
    </>
  );
}
