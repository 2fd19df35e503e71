import { useInvalidateAuthStore } from '@refinedev/core';
import { Navigate, useLocation } from 'react-router';
import { forgetEarlierUser } from '../../providers/auth-provider';
import { returnPathOf } from '../../providers/return-path';
import SignInPage from '.';

/** On `/login` once signed in: back to the page that asked for sign-in (`?to=`), or the dashboard. */
export function RedirectAfterSignIn() {
  const { search } = useLocation();
  return <Navigate to={returnPathOf(search)} replace />;
}

/**
 * The sign-in page after signing out (or when the session ended) while the panel is open. Once
 * signed in, the auth state is refreshed before moving on: then this route's guard sends the user
 * on (RedirectAfterSignIn), with no stale bounce.
 */
export function SignInWithinPanel() {
  const invalidateAuth = useInvalidateAuthStore();
  const onSignedIn = async () => {
    forgetEarlierUser();
    await invalidateAuth();
  };
  return <SignInPage onSignedIn={onSignedIn} />;
}
