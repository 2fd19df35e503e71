import { createContext, useContext } from 'react';

/**
 * The signed-in session, for the one request that cannot go through the data provider: a streamed
 * download read chunk by chunk (the lead CSV export). The shell provides it from its HTTP client.
 */
export interface ApiSession {
  /** The current access token, if signed in. */
  accessToken(): string | undefined;
  /** After a 401: renews the tokens once, or ends the session (and goes to sign-in). */
  renew(): Promise<unknown>;
}

const ApiSessionContext = createContext<ApiSession | null>(null);

export const ApiSessionProvider = ApiSessionContext.Provider;

export function useApiSession(): ApiSession {
  const session = useContext(ApiSessionContext);
  if (!session) throw new Error('useApiSession: the shell provides <ApiSessionProvider> around the pages');
  return session;
}
