import type { ApiSession } from '@advisordesk/admin-data';
import { API_URL, httpClient } from './http-client';
import { session } from './session';

/** The session for a streamed download (the lead CSV export), which goes around the data provider. */
export const apiSession: ApiSession = {
  accessToken: () => session.get()?.accessToken,
  // Any authenticated call renews the tokens once on a 401, or ends the session and goes to sign-in.
  renew: () => httpClient.get(`${API_URL}/auth/me`),
};
