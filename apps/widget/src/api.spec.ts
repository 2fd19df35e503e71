import { loadConfig, newIdempotencyKey, sendInquiry } from './api';
import type { PublicInquiryBody } from '@advisordesk/shared';

const API = 'https://desk.example.in';
const body: PublicInquiryBody = {
  fullName: 'Ananya Gupta',
  phone: '98765 43210',
  consent: { whatsapp: true, marketing: false },
  minor: false,
  website: '',
};
const json = (status: number, data: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(data), { status, headers: { 'Content-Type': 'application/json', ...headers } });
const networkError = () => Promise.reject(new TypeError('Failed to fetch'));

/** A fake network: POSTs answered by `posts` in turn; GETs (the form config) by `get`. */
function network(
  posts: (() => Promise<Response>)[],
  get: (mode: RequestMode | undefined) => Promise<Response> = () => Promise.resolve(json(200, {})),
) {
  const keys: (string | null)[] = [];
  const modes: (RequestMode | undefined)[] = [];
  const fetch = jest.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    if (init?.method === 'POST') {
      keys.push(new Headers(init.headers).get('Idempotency-Key'));
      const next = posts.shift();
      if (!next) throw new Error('no more answers');
      return next();
    }
    modes.push(init?.mode);
    return get(init?.mode);
  }) as unknown as typeof globalThis.fetch;
  const sleep = jest.fn(() => Promise.resolve());
  return { fetch, sleep, keys, modes };
}

describe('sending the inquiry', () => {
  it('retries a network failure with the same Idempotency-Key', async () => {
    const net = network([networkError, networkError, () => Promise.resolve(json(201, { reference: 'AD-7K3M9Q2W' }))]);
    const onRetry = jest.fn();
    expect(await sendInquiry(API, body, 'key-1', { fetch: net.fetch, sleep: net.sleep, onRetry })).toEqual({
      kind: 'created',
      reference: 'AD-7K3M9Q2W',
    });
    expect(net.keys).toEqual(['key-1', 'key-1', 'key-1']);
    expect(net.sleep.mock.calls).toEqual([[1_000], [3_000]]);
    expect(onRetry.mock.calls).toEqual([[1], [2]]);
  });

  it('gives up after the automatic retries: the caller offers "Try again" with the same key', async () => {
    const net = network([networkError, networkError, networkError], () => networkError());
    expect(await sendInquiry(API, body, 'key-2', { fetch: net.fetch, sleep: net.sleep })).toEqual({ kind: 'unreachable', reason: 'offline' });
    expect(net.keys).toEqual(['key-2', 'key-2', 'key-2']);
  });

  it('retries a timeout and a gateway error too', async () => {
    const timeout = () => Promise.reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
    const net = network([timeout, () => Promise.resolve(json(503, {})), () => Promise.resolve(json(201, { reference: 'AD-AAAAAAAA' }))]);
    expect(await sendInquiry(API, body, 'key-3', { fetch: net.fetch, sleep: net.sleep })).toEqual({ kind: 'created', reference: 'AD-AAAAAAAA' });
    expect(net.modes).toEqual([]);
  });

  it('tells a website the API refuses (CORS) from a lost connection, and does not retry it', async () => {
    const net = network([networkError], (mode) => (mode === 'no-cors' ? Promise.resolve(new Response(null, { status: 200 })) : networkError()));
    expect(await sendInquiry(API, body, 'key-4', { fetch: net.fetch, sleep: net.sleep })).toEqual({ kind: 'unreachable', reason: 'refused' });
    expect(net.sleep).not.toHaveBeenCalled();
  });

  it('answers the rate limit, field errors and other failures as they are', async () => {
    const limited = network([() => Promise.resolve(json(429, { message: 'slow down' }, { 'Retry-After': '42' }))]);
    expect(await sendInquiry(API, body, 'k', limited)).toEqual({ kind: 'rate-limited', retryAfterSeconds: 42 });
    const invalid = network([
      () =>
        Promise.resolve(
          json(400, {
            statusCode: 400,
            message: 'phone must be a valid mobile number',
            fields: [{ field: 'phone', message: 'phone must be a valid mobile number' }],
          }),
        ),
    ]);
    expect(await sendInquiry(API, body, 'k', invalid)).toEqual({
      kind: 'invalid',
      message: 'phone must be a valid mobile number',
      fields: [{ field: 'phone', message: 'phone must be a valid mobile number' }],
    });
    const broken = network([() => Promise.resolve(new Response('<html>oops</html>', { status: 500 }))]);
    expect(await sendInquiry(API, body, 'k', broken)).toEqual({ kind: 'failed', status: 500, message: 'The server answered 500' });
    expect(limited.sleep).not.toHaveBeenCalled();
  });

  it('makes a new key per submission, also without crypto.randomUUID', () => {
    expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});

describe('loading the form', () => {
  it('reads the config, and says whether the website is refused or the network is down', async () => {
    const config = { courses: ['Online MBA'], levels: ['PG'], modes: ['online'], notice: { version: 2, text: 'We collect…', url: null } };
    expect(await loadConfig(API, { fetch: network([], () => Promise.resolve(json(200, config))).fetch })).toEqual({ ok: true, config });
    const refused = network([], (mode) => (mode === 'no-cors' ? Promise.resolve(new Response(null)) : networkError()));
    expect(await loadConfig(API, { fetch: refused.fetch })).toEqual({ ok: false, reason: 'refused' });
    expect(await loadConfig(API, { fetch: network([], () => networkError()).fetch })).toEqual({ ok: false, reason: 'offline' });
    expect(await loadConfig(API, { fetch: network([], () => Promise.resolve(json(503, {}))).fetch })).toEqual({ ok: false, reason: 'server' });
  });

  it('asks for the notice in the language the person picked', async () => {
    const urls: string[] = [];
    const fetch = (async (url: RequestInfo | URL) => {
      urls.push(String(url));
      return json(200, { courses: [], notice: { version: 2, language: 'hi' } });
    }) as typeof globalThis.fetch;
    await loadConfig(API, { fetch }, 'hi');
    await loadConfig(API, { fetch });
    expect(urls).toEqual([`${API}/api/public/form-config?lang=hi`, `${API}/api/public/form-config`]);
  });
});
