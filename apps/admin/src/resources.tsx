import type { ResourceProps } from '@refinedev/core';
import { DashboardOutlined, TeamOutlined } from '@ant-design/icons';
import { BarChartOutlined, CalendarOutlined, ContactsOutlined, DownloadOutlined, GlobalOutlined, ProjectOutlined } from '@ant-design/icons';
import type { Area } from '@advisordesk/shared';
import { BankOutlined, BookOutlined, CloudUploadOutlined, ReadOutlined, SwapOutlined, WalletOutlined } from '@ant-design/icons';

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
    name: 'leads',
    list: '/leads',
    show: '/leads/:id',
    meta: { label: 'Leads', icon: <ContactsOutlined />, area: 'leads' satisfies Area },
  },
  {
    name: 'leads-board',
    list: '/leads/board',
    meta: { label: 'Pipeline board', icon: <ProjectOutlined />, area: 'leads' satisfies Area },
  },
  {
    name: 'tasks',
    list: '/tasks',
    meta: { label: 'Follow-ups', icon: <CalendarOutlined />, area: 'leads' satisfies Area },
  },
  { name: 'catalogue', meta: { label: 'Catalogue', icon: <BookOutlined />, area: 'catalogue' satisfies Area } },
  { name: 'programs', list: '/programs', create: '/programs/create', edit: '/programs/edit/:id', show: '/programs/show/:id', meta: { label: 'Programs', parent: 'catalogue', icon: <ReadOutlined />, area: 'catalogue' satisfies Area } },
  { name: 'universities', list: '/universities', create: '/universities/create', edit: '/universities/edit/:id', meta: { label: 'Universities', parent: 'catalogue', icon: <BankOutlined />, area: 'catalogue' satisfies Area } },
  { name: 'fee-structures', list: '/fee-structures', create: '/fee-structures/create', edit: '/fee-structures/edit/:id', meta: { label: 'Fee structures', parent: 'catalogue', icon: <WalletOutlined />, area: 'catalogue' satisfies Area } },
  { name: 'compare', list: '/compare', meta: { label: 'Compare', parent: 'catalogue', icon: <SwapOutlined /> } },
  { name: 'catalogue-import', list: '/catalogue/import', meta: { label: 'Import CSV', parent: 'catalogue', icon: <CloudUploadOutlined />, area: 'catalogue' satisfies Area } },
  {
    name: 'reports',
    list: '/reports',
    meta: { label: 'Reports', icon: <BarChartOutlined />, area: 'reports' satisfies Area },
  },
  {
    name: 'exports',
    list: '/exports',
    meta: { label: 'Exports', icon: <DownloadOutlined />, area: 'exportLog' satisfies Area },
  },
  {
    name: 'users',
    list: '/users',
    meta: { label: 'Users', icon: <TeamOutlined />, area: 'users' satisfies Area },
  },
  {
    name: 'website-form',
    list: '/settings/website-form',
    meta: { label: 'Website form', icon: <GlobalOutlined />, area: 'settings' satisfies Area },
  },
];

export function areaOfResource(name: string | undefined): Area | null | undefined {
  const resource = resources.find((r) => r.name === name || r.identifier === name);
  if (!resource) return undefined;
  return (resource.meta?.area as Area | undefined) ?? null;
}
