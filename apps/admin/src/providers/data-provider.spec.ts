import { AxiosHeaders, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { createDataProvider, isTotalEstimated } from './data-provider';
import { createHttpClient } from './http-client';
import { TEST_ADMIN } from './test-fixtures';
import { createMemorySessionStore } from './session';

const user = TEST_ADMIN;

/** A pretend API: a million leads (an estimated total), three users (a counted one). */
function setup() {
  const requests: { url: string; auth?: string; timeout?: number }[] = [];
  const adapter = async (config: InternalAxiosRequestConfig): Promise<AxiosResponse> => {
    const url = config.url ?? '';
    requests.push({
      url,
      auth: config.headers.get('Authorization') as string | undefined,
      ...(config.timeout !== 30_000 ? { timeout: config.timeout } : {}),
    });
    config.onUploadProgress?.({ loaded: 50, total: 100, bytes: 50, lengthComputable: true });
    config.onUploadProgress?.({ loaded: 100, total: 100, bytes: 50, lengthComputable: true });
    const headers: Record<string, string> = url.startsWith('/api/leads')
      ? { 'x-total-count': '1043217', 'x-total-count-estimated': 'true' }
      : { 'x-total-count': '3' };
    return { data: [{ id: 'a' }], status: 200, statusText: 'OK', headers: new AxiosHeaders(headers), config };
  };
  const store = createMemorySessionStore({ accessToken: 'access-1', refreshToken: 'refresh-1', user });
  const client = createHttpClient({ store, onSessionEnded: jest.fn(), adapter });
  return { requests, api: createDataProvider('/api', client) };
}

describe('isTotalEstimated', () => {
  it('is true only when the API says the total is an estimate', () => {
    expect(isTotalEstimated(new AxiosHeaders({ 'x-total-count': '12000', 'x-total-count-estimated': 'true' }))).toBe(true);
    expect(isTotalEstimated({ 'x-total-count-estimated': 'TRUE' })).toBe(true);
    expect(isTotalEstimated(new AxiosHeaders({ 'x-total-count': '12' }))).toBe(false);
    expect(isTotalEstimated({ 'x-total-count-estimated': 'false' })).toBe(false);
    expect(isTotalEstimated(undefined)).toBe(false);
  });
});

describe('data provider', () => {
  it('a list page says its total is an estimate when the API does', async () => {
    const { api } = setup();
    await expect(api.getList({ resource: 'leads', pagination: { currentPage: 2, pageSize: 25 } })).resolves.toEqual({
      data: [{ id: 'a' }],
      total: 1_043_217,
      estimated: true,
    });
  });

  it('a counted total is not an estimate, and each page keeps its own answer', async () => {
    const { api } = setup();
    const [users, leads] = await Promise.all([api.getList({ resource: 'users' }), api.getList({ resource: 'leads' })]);
    expect(users).toMatchObject({ total: 3, estimated: false });
    expect(leads).toMatchObject({ estimated: true });
  });

  it('sends list requests through the panel’s client, signed in and paged as simple-rest pages', async () => {
    const { api, requests } = setup();
    await api.getList({ resource: 'leads', pagination: { currentPage: 2, pageSize: 25 } });
    expect(requests).toEqual([{ url: '/api/leads?_end=50&_start=25', auth: 'Bearer access-1' }]);
  });

  it('an upload reports its progress, signed in, and may wait longer than a plain change', async () => {
    const { api, requests } = setup();
    const seen: number[] = [];
    await api.custom({
      url: '/api/leads/import?dryRun=true',
      method: 'post',
      payload: { a: 1 },
      meta: { onUploadProgress: (f: number) => seen.push(f), timeoutMs: 600_000 },
    });
    expect(seen).toEqual([0.5, 1]);
    expect(requests).toEqual([{ url: '/api/leads/import?dryRun=true', auth: 'Bearer access-1', timeout: 600_000 }]);
  });

  it('a custom read sends its query the way simple-rest writes a list’s, and nothing more', async () => {
    const { api, requests } = setup();
    await api.custom({ url: '/api/reports/conversion', method: 'get', query: { from: '2026-04-01', to: '2026-04-30', groupBy: 'source' } });
    await api.custom({ url: '/api/settings/assignment', method: 'get' });
    expect(requests.map((r) => r.url)).toEqual(['/api/reports/conversion?from=2026-04-01&groupBy=source&to=2026-04-30', '/api/settings/assignment']);
  });
});
