import { useParsed } from '@refinedev/core';
import { Navigate } from 'react-router';
import { safeReturnPath } from '../../providers/return-path';

/** On `/login` once signed in: back to the page that asked for sign-in (`?to=`), or the dashboard. */
export function RedirectAfterSignIn() {
  const { params } = useParsed<{ to?: string }>();
  return <Navigate to={safeReturnPath(params?.to) ?? '/'} replace />;
}
