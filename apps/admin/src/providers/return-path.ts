/** Only a path inside this app (`/users?…`), never another site (`//evil.example`, `https://…`) or the sign-in page itself. */
export function safeReturnPath(to: unknown): string | null {
  if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return null;
  if (to === '/login' || to.startsWith('/login?') || to.startsWith('/login/')) return null;
  return to;
}
