import { lazy } from 'react';

/** The privacy area: the breach register (list, recording a breach, a breach's page with its drafts). */
export const BreachListPage = lazy(() => import('./breaches/breach-list-page'));
export const BreachCreatePage = lazy(() => import('./breaches/breach-create-page'));
export const BreachShowPage = lazy(() => import('./breaches/breach-show-page'));
export { BREACHES_PATH, BREACH_CREATE_PATH } from './breaches/breach-parts';
