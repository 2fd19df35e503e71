import { lazy } from 'react';

/**
 * The catalogue area: universities, programs and their exact fee structures, and the CSV import.
 * Each screen is its own chunk, loaded when first opened.
 */
export const UniversityListPage = lazy(() => import('./universities/list'));
export const UniversityCreatePage = lazy(() => import('./universities/create'));
export const UniversityEditPage = lazy(() => import('./universities/edit'));
export const ProgramListPage = lazy(() => import('./programs/list'));
export const ProgramCreatePage = lazy(() => import('./programs/create'));
export const ProgramEditPage = lazy(() => import('./programs/edit'));
export const ProgramShowPage = lazy(() => import('./programs/show'));
export const FeeStructureListPage = lazy(() => import('./fee-structures/list'));
export const FeeStructureCreatePage = lazy(() => import('./fee-structures/create'));
export const FeeStructureEditPage = lazy(() => import('./fee-structures/edit'));
export const CatalogueImportPage = lazy(() => import('./catalogue-import/catalogue-import-page'));
