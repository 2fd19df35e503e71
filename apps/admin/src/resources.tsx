import type { ResourceProps } from '@refinedev/core';
import { DashboardOutlined, TeamOutlined } from '@ant-design/icons';
import type { Area } from '@advisordesk/shared';

/**
 * Every resource of the panel, in menu order. `meta.area` names the row of `PERMISSIONS`
 * (@advisordesk/shared) that decides who sees it; no area means every signed-in user.
 */
export const resources: ResourceProps[] = [
  {
    name: 'dashboard',
    list: '/',
    meta: { label: 'Dashboard', icon: <DashboardOutlined /> },
  },
  {
    name: 'users',
    list: '/users',
    meta: { label: 'Users', icon: <TeamOutlined />, area: 'users' satisfies Area },
  },
];

export function areaOfResource(name: string | undefined): Area | null | undefined {
  const resource = resources.find((r) => r.name === name || r.identifier === name);
  if (!resource) return undefined;
  return (resource.meta?.area as Area | undefined) ?? null;
}
