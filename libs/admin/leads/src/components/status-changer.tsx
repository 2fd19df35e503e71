import { useState } from 'react';
import { DownOutlined, SwapOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Tooltip, type MenuProps } from 'antd';
import { allowedTargets, LEAD_STATUS_COLORS, LEAD_STATUS_LABELS, type LeadStatus, type LeadView, type Role } from '@advisordesk/shared';
import { useChangeStatus } from '../use-lead-actions';
import { StatusChangeModal } from './status-change-modal';

/**
 * "Change status": only the moves this role may make (forward, or lost with a reason; back and
 * reopening for managers), each confirmed with an optional note.
 */
export function StatusChanger({ lead, role, block = false }: { lead: LeadView; role: Role; block?: boolean }) {
  const [target, setTarget] = useState<LeadStatus | undefined>();
  const change = useChangeStatus({ onStale: () => setTarget(undefined) });
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
      <Dropdown menu={{ items, onClick: ({ key }) => setTarget(key as LeadStatus) }} trigger={['click']}>
        <Button icon={<SwapOutlined />} loading={change.isPending} block={block} data-testid="change-status">
          Change status <DownOutlined />
        </Button>
      </Dropdown>
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
    </>
  );
}
