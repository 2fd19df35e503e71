import { lazy } from 'react';

/**
 * The privacy area (India's DPDP Act): the queue of rights requests people make on the privacy
 * page, the summary of what is held about a person, the retention of leads, and the breach
 * register (list, recording a breach, a breach's page with its drafts).
 */
export const DataRequestsPage = lazy(() => import('./data-requests-page'));
export const DataSummaryPage = lazy(() => import('./data-summary-page'));
export const RetentionPage = lazy(() => import('./retention-page'));
export { DATA_REQUEST_PATH, DATA_REQUESTS_PATH, DATA_SUMMARY_PATH, RETENTION_PATH } from './paths';
export const BreachListPage = lazy(() => import('./breaches/breach-list-page'));
export const BreachCreatePage = lazy(() => import('./breaches/breach-create-page'));
export const BreachShowPage = lazy(() => import('./breaches/breach-show-page'));
export { BREACHES_PATH, BREACH_CREATE_PATH } from './breaches/breach-parts';
