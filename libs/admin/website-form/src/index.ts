import { lazy } from 'react';

/** The website form area: the embed code, the sites allowed to post to it, and the hosted form's link. */
export const WebsiteFormPage = lazy(() => import('./website-form-page'));
