import { lazy } from 'react';

/** The users area: the team list, where admins add, edit, deactivate and reactivate users. */
export const UserListPage = lazy(() => import('./list'));
