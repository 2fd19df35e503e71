import jwt from 'jsonwebtoken';
import request from 'supertest';
import { queryOne } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn } from '../src/testing/sign-in';
import { AuthModule } from '../src';
import { AdminBootstrapService } from '../src/users/admin-bootstrap.service';

describe('signing in and sessions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp([AuthModule]);
  });
  afterAll(() => t.close());

  it('a user signs in with email and password and gets tokens and their profile, never a password hash', async () => {
    const advisor = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    const response = await request(t.http)
      .post('/api/auth/login')
      .send({ email: advisor.email.toUpperCase(), password: advisor.password })
      .expect(200);
    expect(response.body.accessToken).toEqual(expect.any(String));
    expect(response.body.refreshToken).toEqual(expect.any(String));
    expect(response.body.user).toMatchObject({ id: advisor.id, name: 'Priya Sharma', role: 'advisor', active: true });
    expect(JSON.stringify(response.body)).not.toMatch(/password|hash|argon2/i);
    const me = await request(t.http).get('/api/auth/me').set(advisor.auth).expect(200);
    expect(me.body).toMatchObject({ id: advisor.id, email: advisor.email });
  });

  it('passwords are stored as argon2id hashes', async () => {
    const user = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    const { password_hash } = await queryOne<{ password_hash: string }>(t.dataSource, `SELECT password_hash FROM users WHERE id = $1`, [user.id]);
    expect(password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('a wrong password and an unknown email get the same 401', async () => {
    const user = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    const wrong = await request(t.http).post('/api/auth/login').send({ email: user.email, password: 'not the password' }).expect(401);
    const unknown = await request(t.http).post('/api/auth/login').send({ email: 'nobody@example.test', password: 'not the password' }).expect(401);
    expect(wrong.body).toMatchObject({ code: 'auth.badCredentials', message: 'The email or password is wrong' });
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('a refresh token works once: the new pair works, the old token is refused', async () => {
    const user = await createUserAndSignIn(t.http, t.dataSource, 'advisor');
    const first = await request(t.http).post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(user.refreshToken);
    await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${first.body.accessToken}`).expect(200);
    await request(t.http).post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
  });

  it('reusing a spent refresh token ends the whole session, so a stolen copy is useless', async () => {
    const user = await createUserAndSignIn(t.http, t.dataSource, 'advisor');
    const rotated = await request(t.http).post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(200);
    await request(t.http).post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
    await request(t.http).post('/api/auth/refresh').send({ refreshToken: rotated.body.refreshToken }).expect(401);
  });

  it('two refreshes racing with the same token: exactly one wins', async () => {
    const user = await createUserAndSignIn(t.http, t.dataSource, 'advisor');
    const results = await Promise.all([1, 2, 3].map(() => request(t.http).post('/api/auth/refresh').send({ refreshToken: user.refreshToken })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
  });

  it('logging out revokes the refresh token', async () => {
    const user = await createUserAndSignIn(t.http, t.dataSource, 'marketing');
    await request(t.http).post('/api/auth/logout').set(user.auth).send({ refreshToken: user.refreshToken }).expect(204);
    await request(t.http).post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
  });

  it('a malformed or forged refresh token is a 401, not a 500', async () => {
    for (const refreshToken of ['x', 'not.a.token', '00000000-0000-4000-8000-000000000000.secret']) {
      const response = await request(t.http).post('/api/auth/refresh').send({ refreshToken }).expect(401);
      expect(response.body.code).toBe('auth.badRefreshToken');
    }
  });

  it('a deactivated user is refused at once, also with an access token issued before', async () => {
    const admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    const advisor = await createUserAndSignIn(t.http, t.dataSource, 'advisor');
    await request(t.http).get('/api/auth/me').set(advisor.auth).expect(200);
    await request(t.http).patch(`/api/users/${advisor.id}`).set(admin.auth).send({ active: false }).expect(200);
    const refused = await request(t.http).get('/api/auth/me').set(advisor.auth).expect(401);
    expect(refused.body.code).toBe('auth.inactive');
    await request(t.http).post('/api/auth/refresh').send({ refreshToken: advisor.refreshToken }).expect(401);
    await request(t.http).post('/api/auth/login').send({ email: advisor.email, password: advisor.password }).expect(401);
  });

  it('only HS256 tokens signed with our secret are accepted', async () => {
    const user = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    const claims = { sub: user.id, role: 'admin', iss: 'advisordesk', aud: 'advisordesk-api' };
    const unsigned = jwt.sign(claims, '', { algorithm: 'none' } as jwt.SignOptions);
    const otherSecret = jwt.sign(claims, 'another-secret-another-secret-another', { algorithm: 'HS256' });
    const otherAlgorithm = jwt.sign(claims, process.env.JWT_SECRET!, { algorithm: 'HS512' });
    const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 10 }, process.env.JWT_SECRET!, { algorithm: 'HS256' });
    for (const token of [unsigned, otherSecret, otherAlgorithm, expired, 'garbage']) {
      await request(t.http).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    }
  });

  it('bad sign-in input answers 400 naming the fields; unknown fields are refused', async () => {
    const response = await request(t.http).post('/api/auth/login').send({ email: 'not-an-email', role: 'admin' }).expect(400);
    const fields = response.body.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['email', 'password', 'role']));
    expect(response.body.message).toMatch(/role is not a known field/);
  });

  it('malformed JSON is a 400 and an oversized body a 413, in the same error shape', async () => {
    const malformed = await request(t.http).post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, code: 'common.malformedJson' });
    expect(malformed.body.requestId).toEqual(expect.any(String));
    const huge = await request(t.http)
      .post('/api/auth/login')
      .send({ email: 'a@b.co', password: 'x'.repeat(200_000) })
      .expect(413);
    expect(huge.body).toMatchObject({ statusCode: 413, code: 'common.payloadTooLarge' });
  });

  it('five wrong passwords from one address lock it out of the account for a minute (429 with Retry-After), even with the right one', async () => {
    const user = await createUserAndSignIn(t.http, t.dataSource, 'manager');
    for (let i = 0; i < 5; i++) await request(t.http).post('/api/auth/login').send({ email: user.email, password: 'wrong password' }).expect(401);
    const locked = await request(t.http).post('/api/auth/login').send({ email: user.email, password: user.password }).expect(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(60);
  });

  it('the health check answers when the database is reachable', async () => {
    const response = await request(t.http).get('/api/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', database: 'up' });
  });

  it('the OpenAPI document is served', async () => {
    const response = await request(t.http).get('/api/docs-json').expect(200);
    expect(Object.keys(response.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/users']));
  });

  it('unknown routes are a JSON 404', async () => {
    const user = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    const response = await request(t.http).get('/api/nothing-here').set(user.auth).expect(404);
    expect(response.body.statusCode).toBe(404);
  });
});

describe('sign-in throttling per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp([AuthModule], { LOGIN_RATE_LIMIT: '3' });
  });
  afterAll(() => t.close());

  it('more sign-in attempts than LOGIN_RATE_LIMIT a minute from one address get 429 with Retry-After', async () => {
    for (let i = 0; i < 3; i++)
      await request(t.http)
        .post('/api/auth/login')
        .send({ email: `x${i}@example.test`, password: 'whatever-123' })
        .expect(401);
    const response = await request(t.http).post('/api/auth/login').send({ email: 'y@example.test', password: 'whatever-123' }).expect(429);
    expect(response.headers['retry-after']).toBeDefined();
    expect(response.body.code).toBe('common.rateLimited');
  });
});

describe('account lockout behind a reverse proxy', () => {
  let t: TestApp;
  const attacker = '203.0.113.7';
  const owner = '198.51.100.20';
  const signIn = (from: string, email: string, password: string) =>
    request(t.http).post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

  beforeAll(async () => {
    t = await createTestApp([AuthModule], { TRUST_PROXY: '1' });
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('wrong passwords from one address lock that address out, while the owner signs in from another', async () => {
    const admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    for (let i = 0; i < 5; i++) await signIn(attacker, admin.email, 'guessing-123').expect(401);
    await signIn(attacker, admin.email, admin.password).expect(429);
    await signIn(owner, admin.email, admin.password).expect(200);
    // The owner's success does not unlock the attacker's address.
    await signIn(attacker, admin.email, admin.password).expect(429);
  });

  it('each failure after a lockout doubles the wait, up to 15 minutes, and a success from that address starts afresh', async () => {
    const user = await createUserAndSignIn(t.http, t.dataSource, 'advisor');
    let clock = Date.now();
    jest.spyOn(Date, 'now').mockImplementation(() => clock);
    const waitAfterLock = async () => {
      const locked = await signIn(attacker, user.email, user.password).expect(429);
      return Number(locked.headers['retry-after']);
    };
    for (let i = 0; i < 5; i++) await signIn(attacker, user.email, 'guessing-123').expect(401);
    const waits = [await waitAfterLock()];
    for (let i = 0; i < 5; i++) {
      clock += waits[waits.length - 1] * 1000;
      await signIn(attacker, user.email, 'guessing-123').expect(401);
      waits.push(await waitAfterLock());
    }
    expect(waits).toEqual([60, 120, 240, 480, 900, 900]);

    clock += 900_000;
    await signIn(attacker, user.email, user.password).expect(200);
    await signIn(attacker, user.email, 'guessing-123').expect(401);
    await signIn(attacker, user.email, user.password).expect(200);
  });
});

describe('the first admin', () => {
  it('on an empty database, the first admin is created from ADMIN_EMAIL and ADMIN_PASSWORD, once', async () => {
    const t = await createTestApp([AuthModule], { ADMIN_EMAIL: 'Owner@Example.test', ADMIN_PASSWORD: 'a-long-admin-password' });
    try {
      const response = await request(t.http)
        .post('/api/auth/login')
        .send({ email: 'owner@example.test', password: 'a-long-admin-password' })
        .expect(200);
      expect(response.body.user.role).toBe('admin');
      await t.app.get(AdminBootstrapService).onApplicationBootstrap();
      const { n } = await queryOne<{ n: number }>(t.dataSource, `SELECT count(*)::int AS n FROM users`);
      expect(n).toBe(1);
    } finally {
      await t.close();
    }
  });
});
