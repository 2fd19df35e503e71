import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn } from '@advisordesk/api-auth/testing';
import { noticeParts } from '@advisordesk/shared';
import { LeadsModule } from '../src';
import { OPERATOR_CONTACT } from './support';

/**
 * Two instances of the API on one database (and one Redis): the website-form settings saved on
 * one take effect on the other without a restart.
 */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([
  ['PostgreSQL', {}],
  ['Redis', { REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: `adk-test-${randomBytes(6).toString('hex')}:` }],
])('website-form settings across instances, events over %s', (_store, env: Record<string, string>) => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    // Instances of one deployment share its secret.
    const shared = { INQUIRY_RATE_LIMIT: '10000', JWT_SECRET: randomBytes(32).toString('base64url'), ...env };
    a = await createTestApp([LeadsModule], shared);
    b = await createTestApp([LeadsModule], shared, { database: a.database });
  });

  afterAll(async () => {
    await b?.app.close();
    await a?.close();
  });

  const preflight = (t: TestApp, origin: string) =>
    request(t.http).options('/api/public/inquiries').set('Origin', origin).set('Access-Control-Request-Method', 'POST');

  it('an origin an admin adds on one instance is allowed by the other at once; one removed is refused there', async () => {
    const admin = await createUserAndSignIn(a.http, a.dataSource, 'admin');
    const current = (await request(a.http).get('/api/settings/website-form').set(admin.auth).expect(200)).body;
    const save = (allowedOrigins: string[]) =>
      request(a.http)
        .put('/api/settings/website-form')
        .set(admin.auth)
        .send({ courses: current.courses, allowedOrigins, notice: { ...noticeParts(current.notice), contact: OPERATOR_CONTACT } })
        .expect(200);
    const origin = 'https://admissions.example.in';
    expect((await preflight(b, origin)).headers['access-control-allow-origin']).toBeUndefined();

    await save([origin]);
    // The event travels asynchronously: B answers with the new list as soon as it has it.
    let allowed: string | undefined;
    while (!allowed) {
      allowed = (await preflight(b, origin)).headers['access-control-allow-origin'];
      if (!allowed) await sleep(50);
    }
    expect(allowed).toBe(origin);

    await save([]);
    let refused = false;
    while (!refused) {
      refused = (await preflight(b, origin)).headers['access-control-allow-origin'] === undefined;
      if (!refused) await sleep(50);
    }
    expect((await preflight(a, origin)).headers['access-control-allow-origin']).toBeUndefined();
  });
});
