import { lazy } from 'react';

/**
 * The comparisons area: programs side by side (`/compare`), and a lead's shortlist with the
 * comparisons shared with them (a section of the lead's page, which the shell puts there).
 */
export const ComparePage = lazy(() => import('./compare/compare-page'));
export const ShortlistPanel = lazy(() => import('./shortlist/shortlist-panel').then((module) => ({ default: module.ShortlistPanel })));
