import { useInvalidate, useOne } from '@refinedev/core';
import { App, Space, Switch, Tooltip, Typography } from 'antd';
import type { AssignmentSettings } from '@advisordesk/shared';
import { useApiMutation, type ApiRequestError } from '@advisordesk/admin-data';

// `GET` and `PATCH /api/settings/assignment`: one record of the settings resource.
const ASSIGNMENT = { resource: 'settings', id: 'assignment' } as const;

/**
 * Managers' switch for automatic assignment: on, each new website lead goes to the active advisor
 * with the fewest open leads; off, new leads wait for a manager to assign them.
 */
export function AssignmentToggle() {
  const { message, notification } = App.useApp();
  const { query: settings } = useOne<AssignmentSettings, ApiRequestError>({ ...ASSIGNMENT, errorNotification: false });
  const invalidate = useInvalidate();
  const save = useApiMutation<AssignmentSettings, boolean>({
    request: (autoAssign) => ({
      path: `${ASSIGNMENT.resource}/${ASSIGNMENT.id}`,
      method: 'patch',
      values: { autoAssign } satisfies AssignmentSettings,
    }),
    onSuccess: async (data) => {
      await invalidate({ ...ASSIGNMENT, invalidates: ['detail'] });
      message.success(data.autoAssign ? 'New website leads are assigned automatically' : 'New website leads now wait for you to assign them');
    },
    onError: (error) => notification.error({ message: 'Could not change automatic assignment', description: error.message }),
  });
  if (settings.isError) return null;
  return (
    <Tooltip title="On: each new website lead goes to the active advisor with the fewest open leads. Off: leads wait for a manager.">
      <Space size={8} align="center" data-testid="auto-assign">
        <Switch
          checked={settings.data?.data.autoAssign ?? false}
          loading={settings.isLoading || save.isPending}
          onChange={(on) => save.mutate(on)}
          aria-label="Assign new website leads automatically"
          size="small"
        />
        <Typography.Text style={{ fontSize: 13, whiteSpace: 'nowrap' }}>Auto-assign</Typography.Text>
      </Space>
    </Tooltip>
  );
}
