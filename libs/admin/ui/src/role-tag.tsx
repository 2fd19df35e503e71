import { Tag } from 'antd';
import { ROLE_LABELS, type Role } from '@advisordesk/shared';

export const ROLE_COLOURS: Record<Role, string> = {
  admin: 'geekblue',
  manager: 'purple',
  advisor: 'cyan',
  marketing: 'gold',
};

export function RoleTag({ role }: { role: Role }) {
  return (
    <Tag color={ROLE_COLOURS[role]} bordered={false} style={{ marginInlineEnd: 0 }}>
      {ROLE_LABELS[role] ?? role}
    </Tag>
  );
}
