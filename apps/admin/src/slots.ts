import type { AreaSlots } from '@advisordesk/admin-ui';
import { ApplicationsHome, ApplicationsPanel, DefaultChecklistSection, ProgramChecklistSection } from '@advisordesk/admin-applications';
import { ShortlistPanel } from '@advisordesk/admin-comparisons';
import { ExportLeadsButton, MyExportsCard } from '@advisordesk/admin-exports';
import { RecentImports } from '@advisordesk/admin-imports';
import { LeadsHome } from '@advisordesk/admin-leads';
import { MY_NOTIFICATIONS_PATH, NotificationBell } from '@advisordesk/admin-notifications';
import { ManagerCharts, MarketingCharts } from '@advisordesk/admin-reports';
import { MarketingHome } from '@advisordesk/admin-marketing';
import { SendComparisonOnWhatsapp, WhatsappPanel } from '@advisordesk/admin-whatsapp';

/**
 * Where one area's screen shows another area's piece: the areas never import each other, the
 * shell composes them here.
 */
export const areaSlots: AreaSlots = {
  leadSections: [ApplicationsPanel, WhatsappPanel, ShortlistPanel],
  leadExport: ExportLeadsButton,
  dashboardCharts: ManagerCharts,
  dashboardWork: LeadsHome,
  dashboardSections: [ApplicationsHome, RecentImports],
  dashboardMarketing: MarketingHome,
  marketingCharts: MarketingCharts,
  myExports: MyExportsCard,
  programSections: [ProgramChecklistSection],
  settingsSections: [DefaultChecklistSection],
  comparisonSend: SendComparisonOnWhatsapp,
  headerActions: [NotificationBell],
  userMenuLinks: [{ key: 'my-notifications', label: 'My notifications', path: MY_NOTIFICATIONS_PATH }],
};
