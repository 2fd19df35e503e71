export const SIGN_IN_PATH = '/login';

/** Only a path inside this app (`/users?…`), never another site (`//evil.example`, `https://…`) or the sign-in page itself. */
export function safeReturnPath(to: unknown): string | null {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return null;
  if (isSignInPath(to)) return null;
  return to;
}

export function isSignInPath(path: string): boolean {
  return path === SIGN_IN_PATH || path.startsWith(`${SIGN_IN_PATH}?`) || path.startsWith(`${SIGN_IN_PATH}/`);
}

/** The sign-in page, coming back to `from` (a path with its query) afterwards: `/login?to=%2Fleads%3F…`, or `/login` from the dashboard. */
export function signInPathFrom(from: string): string {
  return from.length > 1 && !isSignInPath(from) ? `${SIGN_IN_PATH}?to=${encodeURIComponent(from)}` : SIGN_IN_PATH;
}

/** Where to go once signed in, read from the sign-in page's `?to=`: the page that asked for sign-in, or the dashboard. */
export function returnPathOf(search: string): string {
  return safeReturnPath(new URLSearchParams(search).get('to')) ?? '/';
}
