import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Space, Switch, Tooltip, Typography } from 'antd';
import type { ApiRequestError } from '../../../providers/http-client';
import { fetchAssignmentSettings, leadKeys, updateAssignmentSettings } from '../lead-api';

/**
 * Managers' switch for automatic assignment: on, each new website lead goes to the active advisor
 * with the fewest open leads; off, new leads wait for a manager to assign them.
 */
export function AssignmentToggle() {
  const queryClient = useQueryClient();
  const { message, notification } = App.useApp();
  const settings = useQuery<{ autoAssign: boolean }, ApiRequestError>({ queryKey: leadKeys.assignmentSettings, queryFn: fetchAssignmentSettings });
  const save = useMutation<{ autoAssign: boolean }, ApiRequestError, boolean>({
    mutationFn: updateAssignmentSettings,
    onSuccess: (data) => {
      queryClient.setQueryData(leadKeys.assignmentSettings, data);
      message.success(data.autoAssign ? 'New website leads are assigned automatically' : 'New website leads now wait for you to assign them');
    },
    onError: (error) => notification.error({ message: 'Could not change automatic assignment', description: error.message }),
  });
  if (settings.isError) return null;
  return (
    <Tooltip title="On: each new website lead goes to the active advisor with the fewest open leads. Off: leads wait for a manager.">
      <Space size={8} align="center" data-testid="auto-assign">
        <Switch
          checked={settings.data?.autoAssign ?? false}
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
