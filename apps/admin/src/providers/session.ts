import type { AuthTokens, UserView } from '@advisordesk/shared';

/** Where the session lives; injectable so the HTTP client can be tested without a browser. */
export interface SessionStore {
  get(): AuthTokens | null;
  set(tokens: AuthTokens): void;
  setUser(user: UserView): void;
  clear(): void;
}

const KEY = 'advisordesk.session';

/**
 * Memory first, mirrored to sessionStorage (never localStorage): the session ends with the tab,
 * is not shared with other tabs or left behind on a shared counselling-room PC, and survives a reload.
 */
export function createBrowserSessionStore(storage: Storage | undefined = globalThis.sessionStorage): SessionStore {
  let current: AuthTokens | null = null;
  let loaded = false;

  const read = (): AuthTokens | null => {
    if (loaded) return current;
    loaded = true;
    try {
      const raw = storage?.getItem(KEY);
      const parsed = raw ? (JSON.parse(raw) as Partial<AuthTokens>) : null;
      current = parsed?.accessToken && parsed.refreshToken && parsed.user ? (parsed as AuthTokens) : null;
    } catch {
      current = null;
    }
    return current;
  };

  const write = (next: AuthTokens | null) => {
    current = next;
    loaded = true;
    try {
      if (next) storage?.setItem(KEY, JSON.stringify(next));
      else storage?.removeItem(KEY);
    } catch {
      // storage full or blocked (private mode): the session still lives in memory for this page
    }
  };

  return {
    get: read,
    set: (tokens) => write({ accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: tokens.user }),
    setUser: (user) => {
      const session = read();
      if (session) write({ ...session, user });
    },
    clear: () => write(null),
  };
}

/** A store that keeps nothing beyond memory (tests). */
export function createMemorySessionStore(initial: AuthTokens | null = null): SessionStore {
  let current = initial;
  return {
    get: () => current,
    set: (tokens) => {
      current = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken, user: tokens.user };
    },
    setUser: (user) => {
      if (current) current = { ...current, user };
    },
    clear: () => {
      current = null;
    },
  };
}

export const session = createBrowserSessionStore();
