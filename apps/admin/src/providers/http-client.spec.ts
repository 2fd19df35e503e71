import { AxiosError, AxiosHeaders, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import type { AuthTokens } from '@advisordesk/shared';
import { ApiRequestError, NETWORK_ERROR_MESSAGE, toHttpError } from '@advisordesk/admin-data';
import { createHttpClient } from './http-client';
import { TEST_ADMIN } from './test-fixtures';
import { createMemorySessionStore } from './session';

const user = TEST_ADMIN;

function deferred() {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

/**
 * A pretend API: accepts only `validAccess`, rotates refresh tokens like the real one (a refresh
 * token works once), and can hold refresh answers until the test releases them.
 */
function fakeApi(
  options: { refreshFails?: 'session' | 'network'; refreshGate?: Promise<void>; slowGate?: Promise<void>; alwaysUnauthorised?: boolean } = {},
) {
  const state = { validAccess: 'access-2', validRefresh: 'refresh-1', refreshCalls: 0, requests: [] as { url: string; auth?: string }[] };

  const reply = (config: InternalAxiosRequestConfig, status: number, data: unknown, headers: Record<string, string> = {}): Promise<AxiosResponse> => {
    const response: AxiosResponse = { data, status, statusText: String(status), headers: new AxiosHeaders(headers), config };
    if (status >= 400) return Promise.reject(new AxiosError(`Request failed with status code ${status}`, 'ERR_BAD_RESPONSE', config, null, response));
    return Promise.resolve(response);
  };
  const unauthorised = { statusCode: 401, error: 'Unauthorized', code: 'auth.unauthenticated', message: 'Sign in to continue' };

  const adapter = async (config: InternalAxiosRequestConfig): Promise<AxiosResponse> => {
    await Promise.resolve();
    const url = config.url ?? '';
    const auth = config.headers.get('Authorization') as string | undefined;
    state.requests.push({ url, auth });
    if (url === '/api/auth/refresh') {
      state.refreshCalls++;
      await options.refreshGate;
      if (options.refreshFails === 'network') throw new AxiosError('Network Error', 'ERR_NETWORK', config);
      const { refreshToken } = JSON.parse(String(config.data));
      if (options.refreshFails === 'session' || refreshToken !== state.validRefresh) {
        return reply(config, 401, {
          statusCode: 401,
          error: 'Unauthorized',
          code: 'auth.badRefreshToken',
          message: 'The session has ended: sign in again',
        });
      }
      const n = state.refreshCalls + 1;
      state.validAccess = `access-${n + 1}`;
      state.validRefresh = `refresh-${n}`;
      const tokens: AuthTokens = { accessToken: state.validAccess, refreshToken: state.validRefresh, user };
      return reply(config, 200, tokens);
    }
    if (url === '/api/slow' && auth === 'Bearer access-1') await options.slowGate;
    if (url === '/api/auth/login')
      return reply(config, 401, { statusCode: 401, error: 'Unauthorized', code: 'auth.badCredentials', message: 'The email or password is wrong' });
    if (options.alwaysUnauthorised || auth !== `Bearer ${state.validAccess}`) return reply(config, 401, unauthorised);
    return reply(config, 200, { ok: true, url }, { 'x-total-count': '1' });
  };
  return { state, adapter };
}

const expiredSession: AuthTokens = { accessToken: 'access-1', refreshToken: 'refresh-1', user };

function setup(options: Parameters<typeof fakeApi>[0] = {}, initial: AuthTokens | null = expiredSession) {
  const api = fakeApi(options);
  const store = createMemorySessionStore(initial);
  const onSessionEnded = jest.fn();
  const client = createHttpClient({ store, onSessionEnded, adapter: api.adapter });
  return { ...api, store, onSessionEnded, client };
}

describe('http client', () => {
  it('sends the access token as a Bearer header', async () => {
    const { client, state } = setup({}, { ...expiredSession, accessToken: 'access-2' });
    const { data } = await client.get('/api/users');
    expect(data).toEqual({ ok: true, url: '/api/users' });
    expect(state.requests).toEqual([{ url: '/api/users', auth: 'Bearer access-2' }]);
    expect(state.refreshCalls).toBe(0);
  });

  it('on a 401 renews the tokens once, stores them and retries the request', async () => {
    const { client, state, store } = setup();
    const { data } = await client.get('/api/users');
    expect(data.ok).toBe(true);
    expect(state.refreshCalls).toBe(1);
    expect(store.get()).toMatchObject({ accessToken: state.validAccess, refreshToken: state.validRefresh });
    expect(state.requests.map((r) => r.url)).toEqual(['/api/users', '/api/auth/refresh', '/api/users']);
  });

  it('shares one refresh between concurrent 401s (a refresh token works only once)', async () => {
    const gate = deferred();
    const { client, state } = setup({ refreshGate: gate.promise });
    const pending = Promise.all([client.get('/api/users'), client.get('/api/auth/me'), client.get('/api/users?role=admin')]);
    // let all three fail with 401 and queue behind the one refresh before it answers
    while (state.requests.filter((r) => r.url !== '/api/auth/refresh').length < 3) await new Promise((resolve) => setImmediate(resolve));
    gate.release();
    const answers = await pending;
    expect(answers.map((a) => a.data.ok)).toEqual([true, true, true]);
    expect(state.refreshCalls).toBe(1);
    const retried = state.requests.slice(-3);
    expect(retried.every((r) => r.auth === `Bearer ${state.validAccess}`)).toBe(true);
  });

  it('does not refresh again for a 401 that answers after another request already renewed the tokens', async () => {
    const slow = deferred();
    const { client, state } = setup({ slowGate: slow.promise });
    const late = client.get('/api/slow'); // sent with the expired token, answered last
    await client.get('/api/users'); // meets the 401 first and renews the tokens
    expect(state.refreshCalls).toBe(1);
    slow.release();
    const { data } = await late;
    expect(data.ok).toBe(true);
    expect(state.refreshCalls).toBe(1);
    expect(state.requests.filter((r) => r.url === '/api/slow').map((r) => r.auth)).toEqual(['Bearer access-1', `Bearer ${state.validAccess}`]);
  });

  it('when the refresh is refused: clears the session, reports it once, and fails every waiting request with 401', async () => {
    const gate = deferred();
    const { client, store, onSessionEnded, state } = setup({ refreshFails: 'session', refreshGate: gate.promise });
    const pending = Promise.allSettled([client.get('/api/users'), client.get('/api/auth/me')]);
    while (state.requests.filter((r) => r.url !== '/api/auth/refresh').length < 2) await new Promise((resolve) => setImmediate(resolve));
    gate.release();
    const results = await pending;
    expect(state.refreshCalls).toBe(1);
    expect(store.get()).toBeNull();
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      const reason = (result as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(ApiRequestError);
      expect(reason.statusCode).toBe(401);
    }
  });

  it('keeps the session when the refresh fails for want of a network, and says so', async () => {
    const { client, store, onSessionEnded } = setup({ refreshFails: 'network' });
    await expect(client.get('/api/users')).rejects.toMatchObject({ statusCode: 0, message: NETWORK_ERROR_MESSAGE });
    expect(store.get()).not.toBeNull();
    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  it('ends the session when even the renewed token is refused (e.g. the account was deactivated)', async () => {
    const { client, store, onSessionEnded, state } = setup({ alwaysUnauthorised: true });
    await expect(client.get('/api/users')).rejects.toMatchObject({ statusCode: 401 });
    expect(state.refreshCalls).toBe(1);
    expect(store.get()).toBeNull();
    expect(onSessionEnded).toHaveBeenCalledTimes(1);
  });

  it('never refreshes for a failed sign-in, and passes on what the API said', async () => {
    const { client, state, onSessionEnded } = setup();
    await expect(client.post('/api/auth/login', { email: 'a@b.c', password: 'nope' })).rejects.toMatchObject({
      statusCode: 401,
      code: 'auth.badCredentials',
      message: 'The email or password is wrong',
    });
    expect(state.refreshCalls).toBe(0);
    expect(onSessionEnded).not.toHaveBeenCalled();
  });

  it('does not try to refresh without a session', async () => {
    const { client, state } = setup({}, null);
    await expect(client.get('/api/users')).rejects.toMatchObject({ statusCode: 401 });
    expect(state.refreshCalls).toBe(0);
    expect(state.requests[0].auth).toBeUndefined();
  });
});

describe('toHttpError', () => {
  const config = { headers: new AxiosHeaders() } as InternalAxiosRequestConfig;
  const failed = (status: number, data: unknown, headers: Record<string, string> = {}) =>
    new AxiosError('failed', 'ERR_BAD_REQUEST', config, null, { status, statusText: '', data, headers: new AxiosHeaders(headers), config });

  it('maps the API error body and its fields to Refine HttpError errors', () => {
    const error = toHttpError(
      failed(400, {
        statusCode: 400,
        error: 'Bad Request',
        code: 'common.validation',
        message: 'password must be at least 10 characters; email must be an email address',
        fields: [
          { field: 'password', message: 'password must be at least 10 characters' },
          { field: 'email', message: 'email must be an email address' },
          { field: 'email', message: 'email is too long' },
        ],
        requestId: 'req-1',
      }),
    );
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'common.validation',
      requestId: 'req-1',
      errors: { password: ['password must be at least 10 characters'], email: ['email must be an email address', 'email is too long'] },
    });
  });

  it('reads Retry-After on a 429', () => {
    const error = toHttpError(
      failed(
        429,
        { statusCode: 429, error: 'Too Many Requests', code: 'common.rateLimited', message: 'Too many sign-in attempts' },
        { 'retry-after': '42' },
      ),
    );
    expect(error).toMatchObject({ statusCode: 429, retryAfterSeconds: 42, message: 'Too many sign-in attempts' });
    expect(error.errors).toBeUndefined();
  });

  it('says something useful when the body is not the API’s (a proxy page, say)', () => {
    expect(toHttpError(failed(502, '<html>Bad gateway</html>'))).toMatchObject({ statusCode: 502, message: expect.stringContaining('502') });
    expect(toHttpError(new Error('boom'))).toMatchObject({ statusCode: 0, message: NETWORK_ERROR_MESSAGE });
  });
});
