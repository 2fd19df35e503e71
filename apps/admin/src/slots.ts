import type { AreaSlots } from '@advisordesk/admin-ui';
import { ShortlistPanel } from '@advisordesk/admin-comparisons';
import { ExportLeadsButton } from '@advisordesk/admin-exports';
import { LeadsHome } from '@advisordesk/admin-leads';
import { MY_NOTIFICATIONS_PATH, NotificationBell } from '@advisordesk/admin-notifications';
import { ManagerCharts } from '@advisordesk/admin-reports';
import { SendComparisonOnWhatsapp, WhatsappPanel } from '@advisordesk/admin-whatsapp';

/**
 * Where one area's screen shows another area's piece: the areas never import each other, the
 * shell composes them here.
 */
export const areaSlots: AreaSlots = {
  leadSections: [WhatsappPanel, ShortlistPanel],
  leadExport: ExportLeadsButton,
  dashboardCharts: ManagerCharts,
  dashboardWork: LeadsHome,
  comparisonSend: SendComparisonOnWhatsapp,
  headerActions: [NotificationBell],
  userMenuLinks: [{ key: 'my-notifications', label: 'My notifications', path: MY_NOTIFICATIONS_PATH }],
};
