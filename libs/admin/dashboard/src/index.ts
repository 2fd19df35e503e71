import { lazy } from 'react';

/** The dashboard: a greeting, the role's sections (filled in by the shell), and the team's active users. */
export const DashboardPage = lazy(() => import('./dashboard-page'));
