import { useInvalidate } from '@refinedev/core';
import { App, Alert, Button, Card, Flex, Switch, Typography } from 'antd';
import type { AssignmentSettings } from '@advisordesk/shared';
import { ASSIGNMENT_SETTINGS, useApiMutation, useAssignmentSettings } from '@advisordesk/admin-data';

/** What the switch does, said once: on the page, and again in the confirmation. */
export const LEAD_ROUTING_ON =
  'New inquiries are assigned to advisors by the assignment rule: each goes to the active advisor with the fewest open leads.';
export const LEAD_ROUTING_OFF = 'When off, they wait unassigned for a manager to assign them.';

/**
 * "Lead routing": the switch for automatic assignment. Turning it either way changes where every
 * new inquiry goes, for the whole team, so it asks first and says exactly that.
 */
export function LeadRoutingSection() {
  const { message, modal, notification } = App.useApp();
  const settings = useAssignmentSettings();
  const invalidate = useInvalidate();
  const save = useApiMutation<AssignmentSettings, boolean>({
    request: (autoAssign) => ({
      path: `${ASSIGNMENT_SETTINGS.resource}/${ASSIGNMENT_SETTINGS.id}`,
      method: 'patch',
      values: { autoAssign } satisfies AssignmentSettings,
    }),
    onSuccess: async (data) => {
      await invalidate({ ...ASSIGNMENT_SETTINGS, invalidates: ['detail'] });
      message.success(data.autoAssign ? 'Auto-assign is on: new inquiries go to advisors' : 'Auto-assign is off: new inquiries wait for a manager');
    },
    onError: (error) => notification.error({ message: 'Could not change lead routing', description: error.message }),
  });
  const on = settings.data?.data.autoAssign ?? false;

  const ask = (next: boolean) =>
    modal.confirm({
      title: next ? 'Turn auto-assign on for everyone?' : 'Turn auto-assign off for everyone?',
      content: next
        ? `${LEAD_ROUTING_ON} This applies to every new inquiry from now on.`
        : `New inquiries will no longer be assigned to advisors: they wait unassigned for a manager to assign them. This applies to the whole team.`,
      okText: next ? 'Turn on' : 'Turn off',
      okButtonProps: { danger: !next },
      cancelText: 'Keep it ' + (on ? 'on' : 'off'),
      onOk: () => save.mutateAsync(next),
    });

  return (
    <Card title="Lead routing" id="lead-routing" data-testid="lead-routing">
      {settings.isError ? (
        <Alert
          type="error"
          showIcon
          message="Could not load the lead routing setting"
          description={settings.error?.message}
          action={
            <Button size="small" onClick={() => settings.refetch()}>
              Retry
            </Button>
          }
        />
      ) : (
        <Flex gap={16} align="flex-start">
          <Switch
            checked={on}
            loading={settings.isLoading || save.isPending}
            onChange={ask}
            aria-label="Auto-assign new inquiries"
            style={{ flex: 'none', marginTop: 2 }}
          />
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong>Auto-assign new inquiries {settings.isLoading ? '' : on ? '(on)' : '(off)'}</Typography.Text>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
              {LEAD_ROUTING_ON} {LEAD_ROUTING_OFF}
            </Typography.Paragraph>
          </div>
        </Flex>
      )}
    </Card>
  );
}
