// The axios that @refinedev/simple-rest itself uses (a dependency of it, hoisted to the root).
import axios, { type AxiosAdapter, type AxiosError, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import type { AuthTokens } from '@advisordesk/shared';
import { toHttpError } from '@advisordesk/admin-data';
import { isSignInPath, signInPathFrom } from './return-path';
import { session, type SessionStore } from './session';

export const API_URL = '/api';

type TrackedConfig = InternalAxiosRequestConfig & { _sentToken?: string; _retried?: boolean };

export interface HttpClientOptions {
  store: SessionStore;
  /** Called once when the session cannot be renewed (the store is already cleared). */
  onSessionEnded: () => void;
  apiUrl?: string;
  /** For tests: answer requests without a network. */
  adapter?: AxiosAdapter;
}

export interface HttpClient extends AxiosInstance {
  /** Renews the tokens; concurrent callers share one `POST /auth/refresh`. */
  refreshSession: () => Promise<void>;
}

/** The refresh answered that the session is over (not a network blip). */
class SessionEnded extends Error {}

/**
 * The one HTTP client of the panel (also handed to simple-rest): adds `Authorization: Bearer`,
 * and on a 401 renews the tokens once and retries. Concurrent 401s share a single refresh, because
 * a refresh token works only once: a second refresh with the same token would end the session.
 */
export function createHttpClient({ store, onSessionEnded, apiUrl = API_URL, adapter }: HttpClientOptions): HttpClient {
  const client = axios.create({ adapter, timeout: 30_000, headers: { Accept: 'application/json' } }) as HttpClient;
  const bare = axios.create({ adapter, timeout: 30_000, headers: { Accept: 'application/json' } });
  const authPaths = new RegExp(`^${apiUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/auth/(login|refresh)\\b`);
  let refreshing: Promise<void> | null = null;

  const endSession = () => {
    if (!store.get()) return;
    store.clear();
    onSessionEnded();
  };

  const refresh = async () => {
    const current = store.get();
    if (!current) throw new SessionEnded();
    try {
      const { data } = await bare.post<AuthTokens>(`${apiUrl}/auth/refresh`, { refreshToken: current.refreshToken });
      store.set(data);
    } catch (error) {
      const status = (error as AxiosError).response?.status;
      if (status !== undefined && status >= 400 && status < 500) throw new SessionEnded();
      throw error;
    }
  };

  client.refreshSession = () => {
    refreshing ??= refresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  client.interceptors.request.use((config: TrackedConfig) => {
    const token = store.get()?.accessToken;
    if (token) config.headers.set('Authorization', `Bearer ${token}`);
    else config.headers.delete('Authorization');
    config._sentToken = token;
    return config;
  });

  client.interceptors.response.use(undefined, async (error: AxiosError) => {
    const config = error.config as TrackedConfig | undefined;
    const eligible = error.response?.status === 401 && config && config._sentToken && !authPaths.test(config.url ?? '');
    if (!eligible) throw toHttpError(error);
    if (config._retried) {
      // A fresh token was refused too (e.g. the account was deactivated): the session is over.
      endSession();
      throw toHttpError(error);
    }
    config._retried = true;
    try {
      // Another request may have renewed the tokens while this one was in flight: then just retry.
      if (store.get()?.accessToken === config._sentToken) await client.refreshSession();
    } catch (refreshError) {
      if (refreshError instanceof SessionEnded) {
        endSession();
        throw toHttpError(error);
      }
      throw toHttpError(refreshError);
    }
    if (!store.get()) throw toHttpError(error);
    return client.request(config);
  });

  return client;
}

/** After the session ends: to the sign-in page, coming back here afterwards. A full load drops every cached record. */
function goToLogin() {
  if (typeof window === 'undefined') return;
  const { pathname, search } = window.location;
  if (isSignInPath(pathname)) return;
  window.location.replace(signInPathFrom(pathname + search));
}

export const httpClient = createHttpClient({ store: session, onSessionEnded: goToLogin });
