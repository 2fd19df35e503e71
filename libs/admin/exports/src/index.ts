import { lazy } from 'react';

/**
 * The exports area: the lead CSV export (a button the shell puts on the lead list and the reports)
 * and the export log.
 */
export const ExportListPage = lazy(() => import('./export-log-page'));
export const ExportLeadsButton = lazy(() => import('./export-leads-button').then((module) => ({ default: module.ExportLeadsButton })));
