import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { CloseOutlined } from '@ant-design/icons';
import { Button, Flex, Grid, Modal, Typography } from 'antd';
import { BULK_ACTION_LABELS, BULK_ACTIONS, BULK_MAX_LEADS, canRunBulkAction, type BulkAction } from '@advisordesk/shared';
import { useAccess, useAdvisors } from '@advisordesk/admin-data';
import { describeLeadTotal } from '../list-total';
import type { useBulkSelection } from '../use-bulk-actions';
import { useRefreshLeadLists } from '../use-bulk-actions';

// The dialog (with its form, date picker and progress) is fetched when the bar first appears and
// drawn once an action is chosen, so the list itself loads without it.
const loadBulkActionDialog = () => import('./bulk-action-dialog');
const BulkActionDialog = lazy(() => loadBulkActionDialog().then((module) => ({ default: module.BulkActionDialog })));

/**
 * Appears when leads are ticked: how many, "Select all N matching this filter", and the actions the
 * user's role may run (Assign for managers and admins). On a phone it sits at the bottom of the
 * screen, its buttons wrapping.
 */
export function BulkActionsBar({ bulk, total, estimated }: { bulk: ReturnType<typeof useBulkSelection>; total: number; estimated: boolean }) {
  const phone = Grid.useBreakpoint().sm === false;
  const { role } = useAccess();
  const [action, setAction] = useState<BulkAction | null>(null);
  // Once opened, the dialog stays mounted so that it closes as any dialog does.
  const [dialogUsed, setDialogUsed] = useState(false);
  const { data: advisors } = useAdvisors(role ? canRunBulkAction('assign', role) : false);
  const refresh = useRefreshLeadLists();
  const [frozen, setFrozen] = useState<ReturnType<typeof bulk.selection>>(null);
  const onChanged = useCallback(() => void refresh(), [refresh]);
  const shown = bulk.ticked > 0 || bulk.matching || action !== null;
  useEffect(() => {
    if (shown) void loadBulkActionDialog();
  }, [shown]);
  // On a phone the bar is a sheet at the bottom of the screen: the page makes room for it.
  useEffect(() => {
    if (!phone || !shown) return;
    const before = document.body.style.paddingBottom;
    document.body.style.paddingBottom = '132px';
    return () => {
      document.body.style.paddingBottom = before;
    };
  }, [phone, shown]);

  if (!shown) return null;
  const count = bulk.matching ? total : bulk.ticked;
  const actions = BULK_ACTIONS.filter((a) => role && canRunBulkAction(a, role));
  const start = (next: BulkAction) => {
    // What the dialog confirms stays as it was, whatever the list does meanwhile.
    setFrozen(bulk.selection(total));
    setAction(next);
    setDialogUsed(true);
  };
  const matchingAllowed = bulk.canSelectMatching && !estimated && total <= BULK_MAX_LEADS && total > bulk.ticked;

  return (
    <>
      <Flex
        gap={8}
        wrap
        align="center"
        role="region"
        aria-label="Bulk actions"
        data-testid="bulk-actions-bar"
        style={{
          padding: '8px 12px',
          marginBottom: 12,
          background: '#eef4fa',
          border: '1px solid #c9dbea',
          borderRadius: 8,
          ...(phone
            ? {
                position: 'fixed',
                left: 0,
                right: 0,
                bottom: 0,
                zIndex: 20,
                margin: 0,
                borderRadius: '12px 12px 0 0',
                boxShadow: '0 -2px 12px rgba(0,0,0,0.15)',
              }
            : {}),
        }}
      >
        <Typography.Text strong data-testid="bulk-selected">
          {count.toLocaleString('en-IN')} selected
        </Typography.Text>
        {!bulk.matching && matchingAllowed && (
          <Button type="link" size="small" onClick={bulk.selectMatching} style={{ paddingInline: 4 }}>
            Select all {describeLeadTotal(total, false)} matching this filter
          </Button>
        )}
        {!bulk.matching && estimated && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            Narrow the filters to select every match (at most {BULK_MAX_LEADS.toLocaleString('en-IN')})
          </Typography.Text>
        )}
        <Flex gap={6} wrap style={{ marginInlineStart: phone ? 0 : 'auto' }}>
          {actions.map((a) => (
            <Button key={a} size={phone ? 'small' : 'middle'} type={a === 'assign' ? 'primary' : 'default'} onClick={() => start(a)}>
              {BULK_ACTION_LABELS[a]}
            </Button>
          ))}
          <Button size={phone ? 'small' : 'middle'} icon={<CloseOutlined />} onClick={bulk.clear} aria-label="Clear selection">
            {phone ? null : 'Clear'}
          </Button>
        </Flex>
      </Flex>
      {dialogUsed && (
        <Suspense fallback={<Modal open loading title={action ? BULK_ACTION_LABELS[action] : ''} footer={null} closable={false} width={520} />}>
          <BulkActionDialog
            action={action}
            selection={frozen}
            advisors={advisors ?? []}
            onChanged={onChanged}
            onClose={() => {
              setAction(null);
              setFrozen(null);
              bulk.clear();
            }}
          />
        </Suspense>
      )}
    </>
  );
}
