import { Badge } from 'antd';

export function ActiveBadge({ active }: { active: boolean }) {
  return <Badge status={active ? 'success' : 'default'} text={active ? 'Active' : 'Deactivated'} />;
}
