import { lazy } from 'react';

/**
 * The exports area: the lead CSV export (a button the shell puts on the lead list and the reports)
 * and the export log.
 */
export const ExportListPage = lazy(() => import('./export-log-page'));
export const ExportLeadsButton = lazy(() => import('./export-leads-button').then((module) => ({ default: module.ExportLeadsButton })));
/** The signed-in person's latest exports, for marketing's home (a slot the shell fills). */
export const MyExportsCard = lazy(() => import('./my-exports-card').then((module) => ({ default: module.MyExportsCard })));
