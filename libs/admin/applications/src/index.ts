import { lazy } from 'react';

/**
 * The applications area: a lead's applications (a section of the lead's page), the applications
 * list, the home page's deadlines and documents to review, and the document checklists (on a
 * program's page and in Settings), all placed by the shell. Each is its own chunk.
 */
export const ApplicationListPage = lazy(() => import('./list'));
export const ApplicationsPanel = lazy(() => import('./applications-panel').then((module) => ({ default: module.ApplicationsPanel })));
export const ApplicationsHome = lazy(() => import('./applications-home').then((module) => ({ default: module.ApplicationsHome })));
export const ProgramChecklistSection = lazy(() => import('./checklists').then((module) => ({ default: module.ProgramChecklistSection })));
export const DefaultChecklistSection = lazy(() => import('./checklists').then((module) => ({ default: module.DefaultChecklistSection })));
