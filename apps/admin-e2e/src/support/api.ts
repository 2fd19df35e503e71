import type { AuthTokens, Role } from '@advisordesk/shared';
import { DEMO_LOGINS } from '@advisordesk/api-seed';

/** The demo user of a role (`npm run seed` and every test server have them). */
export function login(role: Role): (typeof DEMO_LOGINS)[number] {
  const found = DEMO_LOGINS.find((l) => l.role === role);
  if (!found) throw new Error(`no demo login for ${role}`);
  return found;
}

/**
 * The API of a running test server, asked directly: to set up what a test starts from, and to
 * check what the pages did. `baseUrl` is read on each call (the server starts in `beforeAll`).
 */
export function apiOf(baseUrl: () => string) {
  const signIn = async (email: string, password: string): Promise<AuthTokens> => {
    const response = await fetch(`${baseUrl()}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!response.ok) throw new Error(`sign-in of ${email} answered ${response.status}`);
    return (await response.json()) as AuthTokens;
  };
  return {
    signIn,
    /** An access token of the role's demo user. */
    token: async (role: Role): Promise<string> => {
      const { email, password } = login(role);
      return (await signIn(email, password)).accessToken;
    },
    /** `GET /api<path>` as the token's user: the body, or an error unless the answer is OK. */
    get: async <T>(token: string, path: string): Promise<T> => {
      const response = await fetch(`${baseUrl()}/api${path}`, { headers: { Authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as T;
    },
    /** Any request to `/api<path>`: the status and the body (null when empty), whatever the status. */
    request: async <T>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> => {
      const response = await fetch(`${baseUrl()}/api${path}`, {
        method,
        headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, data: (text ? JSON.parse(text) : null) as T };
    },
  };
}
