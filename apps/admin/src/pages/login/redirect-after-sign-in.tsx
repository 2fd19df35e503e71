import { useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { returnPathOf } from '../../providers/return-path';

/** On `/login` once signed in: back to the page that asked for sign-in (`?to=`), or the dashboard. */
export function RedirectAfterSignIn() {
  const { search } = useLocation();
  return <Navigate to={returnPathOf(search)} replace />;
}

/**
 * On `/login` after signing out (or when the session ended) while the panel is open: a full load of
 * the sign-in page (main.tsx), which leaves nothing of the earlier user's records in memory.
 */
export function SignInAfresh() {
  useEffect(() => window.location.replace(window.location.href), []);
  return null;
}
