import { lazy } from 'react';

/**
 * The privacy area (India's DPDP Act): the queue of rights requests people make on the privacy
 * page, the summary of what is held about a person, and the retention of leads.
 */
export const DataRequestsPage = lazy(() => import('./data-requests-page'));
export const DataSummaryPage = lazy(() => import('./data-summary-page'));
export const RetentionPage = lazy(() => import('./retention-page'));
export { DATA_REQUEST_PATH, DATA_REQUESTS_PATH, DATA_SUMMARY_PATH, RETENTION_PATH } from './paths';
