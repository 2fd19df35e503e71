import type { ComponentType } from 'react';
import type { ResourceProps } from '@refinedev/core';
import {
  AimOutlined,
  AlertOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  ContactsOutlined,
  DashboardOutlined,
  DownloadOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  GlobalOutlined,
  HistoryOutlined,
  ProjectOutlined,
  ReadOutlined,
  SafetyOutlined,
  SettingOutlined,
  SwapOutlined,
  TeamOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { Area } from '@advisordesk/shared';
import { ApplicationListPage } from '@advisordesk/admin-applications';
import {
  CatalogueImportPage,
  FeeStructureCreatePage,
  FeeStructureEditPage,
  FeeStructureListPage,
  ProgramCreatePage,
  ProgramEditPage,
  ProgramListPage,
  ProgramShowPage,
  UniversityCreatePage,
  UniversityEditPage,
  UniversityListPage,
} from '@advisordesk/admin-catalogue';
import { ComparePage } from '@advisordesk/admin-comparisons';
import { DashboardPage } from '@advisordesk/admin-dashboard';
import { ExportListPage } from '@advisordesk/admin-exports';
import { ImportHistoryPage, LEAD_IMPORT_PATH, LEAD_IMPORTS_PATH, LeadImportPage } from '@advisordesk/admin-imports';
import { SegmentsPage } from '@advisordesk/admin-marketing';
import { MY_NOTIFICATIONS_PATH, MyNotificationsPage } from '@advisordesk/admin-notifications';
import {
  BREACH_CREATE_PATH,
  BREACHES_PATH,
  BreachCreatePage,
  BreachListPage,
  BreachShowPage,
  DATA_REQUEST_PATH,
  DATA_REQUESTS_PATH,
  DATA_SUMMARY_PATH,
  DataRequestsPage,
  DataSummaryPage,
  RETENTION_PATH,
  RetentionPage,
} from '@advisordesk/admin-privacy';
import { LeadBoardPage, LeadListPage, LeadShowPage, TaskListPage } from '@advisordesk/admin-leads';
import { ReportsPage } from '@advisordesk/admin-reports';
import { SettingsPage } from '@advisordesk/admin-settings';
import { UserListPage } from '@advisordesk/admin-users';
import { WebsiteFormPage } from '@advisordesk/admin-website-form';

export type PageAction = 'list' | 'create' | 'edit' | 'show';

/** A resource of the panel and the screens its routes open (lazily loaded, from its area's library). */
export interface PanelResource extends ResourceProps {
  pages?: Partial<Record<PageAction, ComponentType>>;
}

/**
 * Every resource of the panel, in menu order: its menu entry, its routes (each path written once,
 * here) and their pages, from which App.tsx makes the routes. `meta.area` names the row of
 * `PERMISSIONS` (@advisordesk/shared) that decides who sees and opens it; no area means every
 * signed-in user.
 */
export const resources: PanelResource[] = [
  {
    name: 'dashboard',
    list: '/',
    meta: { label: 'Dashboard', icon: <DashboardOutlined /> },
    pages: { list: DashboardPage },
  },
  {
    name: 'leads',
    list: '/leads',
    show: '/leads/:id',
    meta: { label: 'Leads', icon: <ContactsOutlined />, area: 'leads' satisfies Area },
    pages: { list: LeadListPage, show: LeadShowPage },
  },
  {
    name: 'leads-board',
    list: '/leads/board',
    meta: { label: 'Pipeline board', icon: <ProjectOutlined />, area: 'leads' satisfies Area },
    pages: { list: LeadBoardPage },
  },
  {
    name: 'tasks',
    list: '/tasks',
    meta: { label: 'Follow-ups', icon: <CalendarOutlined />, area: 'leads' satisfies Area },
    pages: { list: TaskListPage },
  },
  {
    name: 'lead-import',
    list: LEAD_IMPORT_PATH,
    meta: { label: 'Import leads', icon: <CloudUploadOutlined />, area: 'leadImport' satisfies Area },
    pages: { list: LeadImportPage },
  },
  {
    name: 'lead-imports',
    list: LEAD_IMPORTS_PATH,
    meta: { label: 'Lead imports', icon: <HistoryOutlined />, area: 'leadImport' satisfies Area },
    pages: { list: ImportHistoryPage },
  },
  {
    name: 'applications',
    list: '/applications',
    meta: { label: 'Applications', icon: <FileDoneOutlined />, area: 'applications' satisfies Area },
    pages: { list: ApplicationListPage },
  },
  { name: 'catalogue', meta: { label: 'Catalogue', icon: <BookOutlined />, area: 'catalogue' satisfies Area } },
  {
    name: 'programs',
    list: '/programs',
    create: '/programs/create',
    edit: '/programs/edit/:id',
    show: '/programs/show/:id',
    meta: { label: 'Programs', parent: 'catalogue', icon: <ReadOutlined />, area: 'catalogue' satisfies Area },
    pages: { list: ProgramListPage, create: ProgramCreatePage, edit: ProgramEditPage, show: ProgramShowPage },
  },
  {
    name: 'universities',
    list: '/universities',
    create: '/universities/create',
    edit: '/universities/edit/:id',
    meta: { label: 'Universities', parent: 'catalogue', icon: <BankOutlined />, area: 'catalogue' satisfies Area },
    pages: { list: UniversityListPage, create: UniversityCreatePage, edit: UniversityEditPage },
  },
  {
    name: 'fee-structures',
    list: '/fee-structures',
    create: '/fee-structures/create',
    edit: '/fee-structures/edit/:id',
    meta: { label: 'Fee structures', parent: 'catalogue', icon: <WalletOutlined />, area: 'catalogue' satisfies Area },
    pages: { list: FeeStructureListPage, create: FeeStructureCreatePage, edit: FeeStructureEditPage },
  },
  {
    name: 'compare',
    list: '/compare',
    meta: { label: 'Compare', parent: 'catalogue', icon: <SwapOutlined /> },
    pages: { list: ComparePage },
  },
  {
    name: 'catalogue-import',
    list: '/catalogue/import',
    meta: { label: 'Import CSV', parent: 'catalogue', icon: <CloudUploadOutlined />, area: 'catalogue' satisfies Area },
    pages: { list: CatalogueImportPage },
  },
  {
    name: 'reports',
    list: '/reports',
    meta: { label: 'Reports', icon: <BarChartOutlined />, area: 'reports' satisfies Area },
    pages: { list: ReportsPage },
  },
  {
    name: 'segments',
    list: '/segments',
    meta: { label: 'Segments', icon: <AimOutlined />, area: 'exports' satisfies Area },
    pages: { list: SegmentsPage },
  },
  {
    name: 'exports',
    list: '/exports',
    meta: { label: 'Exports', icon: <DownloadOutlined />, area: 'exportLog' satisfies Area },
    pages: { list: ExportListPage },
  },
  // Data protection (DPDP): the rights requests, the breach register, retention.
  { name: 'data-protection', meta: { label: 'Data protection', icon: <SafetyOutlined />, area: 'dataRequests' satisfies Area } },
  {
    // The queue; a request opens over it (`show`), so its detail keeps the queue's filters.
    name: 'data-requests',
    list: DATA_REQUESTS_PATH,
    show: DATA_REQUEST_PATH,
    meta: { label: 'Privacy requests', parent: 'data-protection', icon: <SafetyOutlined />, area: 'dataRequests' satisfies Area },
    pages: { list: DataRequestsPage, show: DataRequestsPage },
  },
  {
    name: 'data-request-summary',
    list: DATA_SUMMARY_PATH,
    meta: { label: 'What we hold', hide: true, area: 'dataRequests' satisfies Area },
    pages: { list: DataSummaryPage },
  },
  {
    name: 'users',
    list: '/users',
    meta: { label: 'Users', icon: <TeamOutlined />, area: 'users' satisfies Area },
    pages: { list: UserListPage },
  },
  {
    name: 'breaches',
    list: BREACHES_PATH,
    create: BREACH_CREATE_PATH,
    show: `${BREACHES_PATH}/:id`,
    meta: { label: 'Breach register', parent: 'data-protection', icon: <AlertOutlined />, area: 'breaches' satisfies Area },
    pages: { list: BreachListPage, create: BreachCreatePage, show: BreachShowPage },
  },
  {
    name: 'website-form',
    list: '/settings/website-form',
    meta: { label: 'Website form', icon: <GlobalOutlined />, area: 'settings' satisfies Area },
    pages: { list: WebsiteFormPage },
  },
  {
    name: 'retention',
    list: RETENTION_PATH,
    meta: { label: 'Data retention', parent: 'data-protection', icon: <FieldTimeOutlined />, area: 'settings' satisfies Area },
    pages: { list: RetentionPage },
  },
  {
    // A page of sections (lead routing first); its menu entry shows to those who may change assignment.
    name: 'settings',
    list: '/settings',
    meta: { label: 'Settings', icon: <SettingOutlined />, area: 'leadAssignment' satisfies Area },
    pages: { list: SettingsPage },
  },
  {
    // Everyone's own page, opened from the header's user menu and the bell (not the side menu).
    name: 'my-notifications',
    list: MY_NOTIFICATIONS_PATH,
    meta: { label: 'My notifications', hide: true },
    pages: { list: MyNotificationsPage },
  },
];

/** What Refine is told: the resources without their pages. */
export const refineResources: ResourceProps[] = resources.map(({ pages: _pages, ...resource }) => resource);

/** Every page route: its path, the page, and the resource and action the access check asks about. */
export const pageRoutes = resources.flatMap((resource) =>
  (['list', 'create', 'edit', 'show'] as const).flatMap((action) => {
    const path = resource[action];
    const Page = resource.pages?.[action];
    return typeof path === 'string' && Page ? [{ key: `${resource.name}:${action}`, path, Page, resource: resource.name, action }] : [];
  }),
);

export function areaOfResource(name: string | undefined): Area | null | undefined {
  const resource = resources.find((r) => r.name === name || r.identifier === name);
  if (!resource) return undefined;
  return (resource.meta?.area as Area | undefined) ?? null;
}
