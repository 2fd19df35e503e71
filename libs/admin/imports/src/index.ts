import { lazy } from 'react';

/**
 * The imports area: the lead CSV import (column mapping, dry run, import with its progress), the
 * import history and the home page's card of recent imports.
 */
export const LeadImportPage = lazy(() => import('./lead-import-page'));
export const ImportHistoryPage = lazy(() => import('./import-history-page'));
export { RecentImports } from './recent-imports';
export { LEAD_IMPORT_PATH, LEAD_IMPORTS_PATH } from './paths';
