import type { AuthTokens, LoginBody } from '@advisordesk/shared';
import { API_URL, httpClient } from './http-client';
import { session } from './session';

/**
 * Signs in with an email and password, keeping the tokens in `session`. Throws the API's error
 * (`ApiRequestError`: wrong password, account locked, too many attempts, offline). Used by the
 * sign-in page, which runs before the rest of the panel loads, and by the auth provider.
 */
export async function signInWithPassword({ email, password }: LoginBody): Promise<void> {
  const { data } = await httpClient.post<AuthTokens>(`${API_URL}/auth/login`, { email: String(email ?? '').trim(), password });
  session.set(data);
}
