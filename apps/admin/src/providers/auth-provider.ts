import type { AuthProvider } from '@refinedev/core';
import { isRole, type LoginBody, type Role, type UserView } from '@advisordesk/shared';
import { toHttpError } from '@advisordesk/admin-data';
import { API_URL, httpClient } from './http-client';
import { queryClient } from './query-client';
import { session } from './session';
import { signInWithPassword } from './sign-in';

/** Nothing cached for an earlier user of this tab (records, access answers) may show to the next one. */
export function forgetEarlierUser(): void {
  queryClient.removeQueries({ queryKey: ['data'] });
  queryClient.removeQueries({ queryKey: ['access'] });
}

/** Sign-in, sign-out and "who am I" against `/api/auth`; the tokens live in `session`. */
export const authProvider: AuthProvider = {
  login: async (credentials: LoginBody) => {
    try {
      await signInWithPassword(credentials);
      forgetEarlierUser();
      return { success: true, redirectTo: '/' };
    } catch (error) {
      return { success: false, error: toHttpError(error) };
    }
  },

  logout: async () => {
    const current = session.get();
    if (current) {
      // Ends this session's refresh token on the server too; signing out locally never waits on it failing.
      await httpClient.post(`${API_URL}/auth/logout`, { refreshToken: current.refreshToken }).catch(() => undefined);
    }
    session.clear();
    return { success: true, redirectTo: '/login' };
  },

  check: async () => (session.get() ? { authenticated: true } : { authenticated: false, logout: true, redirectTo: '/login' }),

  getIdentity: async (): Promise<UserView | null> => {
    if (!session.get()) return null;
    try {
      const { data } = await httpClient.get<UserView>(`${API_URL}/auth/me`);
      session.setUser(data);
      return data;
    } catch {
      return session.get()?.user ?? null;
    }
  },

  getPermissions: async (): Promise<Role | null> => {
    const role = session.get()?.user.role;
    return isRole(role) ? role : null;
  },

  /** 401: the session could not be renewed, so sign out. 403 and the rest: stay, the page says what went wrong. */
  onError: async (error) => {
    const status = error?.statusCode ?? error?.response?.status;
    if (status === 401) return { logout: true, redirectTo: '/login', error };
    return {};
  },
};
