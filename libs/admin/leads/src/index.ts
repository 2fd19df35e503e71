import { lazy } from 'react';

/**
 * The leads area: the lead list, the pipeline board, a lead's page, the follow-ups, and the
 * advisor's part of the dashboard. Each screen is its own chunk, loaded when first opened.
 */
export const LeadListPage = lazy(() => import('./list-page'));
export const LeadBoardPage = lazy(() => import('./board'));
export const LeadShowPage = lazy(() => import('./show'));
export const TaskListPage = lazy(() => import('./tasks/task-list-page'));
/** The dashboard's work section for roles that work leads: the team for managers and admins, "your day" for advisors (a slot the shell fills). */
export const LeadsHome = lazy(() => import('./advisor-home').then((module) => ({ default: module.LeadsHome })));
