import { lazy } from 'react';

/**
 * The marketing area: the segment builder (who matches, counted, never listed; export; saved
 * segments) and marketing's home on the dashboard.
 */
export const SegmentsPage = lazy(() => import('./segments-page'));
/** Marketing's home on the dashboard (a slot the shell fills). */
export const MarketingHome = lazy(() => import('./marketing-home').then((module) => ({ default: module.MarketingHome })));
