import { lazy } from 'react';

/**
 * The settings area: one page of sections, each a setting of how the team works (lead routing
 * first), shown to the roles that may change it.
 */
export const SettingsPage = lazy(() => import('./settings-page'));
