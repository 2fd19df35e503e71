import { useLink } from '@refinedev/core';
import { WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { LEAD_ROUTING_PATH, useAssignmentSettings } from '@advisordesk/admin-data';

/**
 * On the leads toolbar, for managers: a small notice while automatic assignment is off (new
 * inquiries wait unassigned), linking to the setting. The switch itself lives on the settings page.
 */
export function AutoAssignNotice() {
  const Link = useLink();
  const settings = useAssignmentSettings();
  if (settings.data?.data.autoAssign !== false) return null;
  return (
    <Tooltip title="New inquiries wait unassigned for a manager. Change it in Settings → Lead routing.">
      <Link to={LEAD_ROUTING_PATH} data-testid="auto-assign-off">
        <Tag color="warning" icon={<WarningOutlined />} style={{ marginInlineEnd: 0, paddingBlock: 4 }}>
          Auto-assign is off
        </Tag>
      </Link>
    </Tooltip>
  );
}
