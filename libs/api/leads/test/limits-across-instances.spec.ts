import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn } from '@advisordesk/api-auth/testing';
import { LeadsModule } from '../src';
import { inquiry, submitInquiry } from './support';

/**
 * The public form's and the sign-in's limits behind a load balancer: two instances of the API on
 * one database (and one Redis) answer as one.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe.each([
  ['PostgreSQL', {}],
  ['Redis', { REDIS_URL, REDIS_PREFIX: `adk-test-${randomBytes(6).toString('hex')}:` }],
])('limits across two instances, counted in %s', (_store, env: Record<string, string>) => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const shared = { INQUIRY_RATE_LIMIT: '4', LOGIN_RATE_LIMIT: '1000', TRUST_PROXY: '1', JWT_SECRET: randomBytes(32).toString('base64url'), ...env };
    a = await createTestApp([LeadsModule], shared);
    b = await createTestApp([LeadsModule], shared, { database: a.database });
  });

  afterAll(async () => {
    await b?.app.close();
    await a?.close();
  });

  it('INQUIRY_RATE_LIMIT inquiries a minute from one address in total, whichever instance takes them; then 429 with Retry-After', async () => {
    const from = { 'X-Forwarded-For': '203.0.113.50' };
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => submitInquiry(i % 2 ? a : b, inquiry(), from).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    const limited = await submitInquiry(a, inquiry(), from);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ code: 'common.rateLimited', message: 'Too many inquiries from this address: please try again in a minute' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another address is not held back.
    expect((await submitInquiry(b, inquiry(), { 'X-Forwarded-For': '203.0.113.51' })).status).toBe(201);
  });

  it('five wrong passwords spread over both instances lock the account from that address on both', async () => {
    const user = await createUserAndSignIn(a.http, a.dataSource, 'advisor');
    const signIn = (t: TestApp, password: string, address = '198.51.100.60') =>
      request(t.http).post('/api/auth/login').set('X-Forwarded-For', address).send({ email: user.email, password });
    for (let i = 0; i < 5; i++) await signIn(i % 2 ? a : b, 'guessing-123').expect(401);
    for (const t of [a, b]) {
      const locked = await signIn(t, user.password).expect(429);
      expect(locked.body.message).toBe('Too many failed sign-ins for this account from this address: try again later');
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);
    }
    // The owner, elsewhere, signs in.
    await signIn(b, user.password, '198.51.100.61').expect(200);
  });
});
