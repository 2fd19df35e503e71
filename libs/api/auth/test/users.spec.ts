import request from 'supertest';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '../src/testing/sign-in';
import { AuthModule } from '../src';

describe('managing users', () => {
  let t: TestApp;
  let admin: SignedIn;
  let manager: SignedIn;
  let advisor: SignedIn;
  let marketing: SignedIn;

  beforeAll(async () => {
    t = await createTestApp([AuthModule]);
    admin = await createUserAndSignIn(t.http, t.dataSource, 'admin', 'Asha Admin');
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Manager');
    advisor = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing', 'Kabir Khan');
  });
  afterAll(() => t.close());

  it('an admin lists users the simple-rest way: array body, x-total-count, paging and sorting', async () => {
    const page = await request(t.http).get('/api/users?_start=0&_end=2&_sort=name&_order=asc').set(admin.auth).expect(200);
    expect(page.headers['x-total-count']).toBe('4');
    expect(page.body.map((u: { name: string }) => u.name)).toEqual(['Asha Admin', 'Kabir Khan']);
    const next = await request(t.http).get('/api/users?_start=2&_end=4&_sort=name&_order=asc').set(admin.auth).expect(200);
    expect(next.body.map((u: { name: string }) => u.name)).toEqual(['Meera Manager', 'Priya Sharma']);
    for (const user of [...page.body, ...next.body])
      expect(Object.keys(user).sort()).toEqual(['active', 'createdAt', 'email', 'id', 'name', 'phone', 'role', 'updatedAt']);
  });

  it('filters by role (any of), active, and searches names and emails with q', async () => {
    const roles = await request(t.http).get('/api/users?role=advisor&role=marketing&_sort=name&_order=asc').set(admin.auth).expect(200);
    expect(roles.body.map((u: { role: string }) => u.role)).toEqual(['marketing', 'advisor']);
    const search = await request(t.http).get('/api/users?q=priya').set(admin.auth).expect(200);
    expect(search.body).toHaveLength(1);
    expect(search.body[0].name).toBe('Priya Sharma');
    const like = await request(t.http).get('/api/users?name_like=MEERA').set(admin.auth).expect(200);
    expect(like.body.map((u: { name: string }) => u.name)).toEqual(['Meera Manager']);
  });

  it('bad paging, sorting and filters answer 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['/api/users?_sort=password_hash', '_sort'],
      ['/api/users?_order=sideways', '_order'],
      ['/api/users?_start=-1', '_start'],
      ['/api/users?_start=0&_end=100000', '_end'],
      ['/api/users?role=superuser', 'role'],
      ['/api/users?active=maybe', 'active'],
      ['/api/users?passwordHash=x', 'passwordHash'],
      ['/api/users?createdAt_gte=yesterday', 'createdAt_gte'],
    ];
    for (const [url, field] of cases) {
      const response = await request(t.http).get(url).set(admin.auth);
      expect({ url, status: response.status }).toEqual({ url, status: 400 });
      expect(response.body.fields[0].field).toBe(field);
    }
  });

  it('a manager reads users but cannot create or change them; advisors and marketing cannot see them', async () => {
    await request(t.http).get('/api/users').set(manager.auth).expect(200);
    await request(t.http)
      .post('/api/users')
      .set(manager.auth)
      .send({ name: 'X', email: 'x@example.test', role: 'advisor', password: 'long-enough-pw' })
      .expect(403);
    await request(t.http).patch(`/api/users/${advisor.id}`).set(manager.auth).send({ name: 'Changed' }).expect(403);
    await request(t.http).get('/api/users').set(advisor.auth).expect(403);
    await request(t.http).get('/api/users').set(marketing.auth).expect(403);
    await request(t.http).get('/api/users').expect(401);
  });

  it('an admin creates a user who can then sign in', async () => {
    const created = await request(t.http)
      .post('/api/users')
      .set(admin.auth)
      .send({ name: 'Rahul Verma', email: 'Rahul@Example.test', role: 'advisor', password: 'rahul-strong-pass' })
      .expect(201);
    expect(created.body).toMatchObject({ name: 'Rahul Verma', email: 'rahul@example.test', role: 'advisor', active: true });
    expect(created.body).not.toHaveProperty('password');
    expect(created.body).not.toHaveProperty('passwordHash');
    await request(t.http).post('/api/auth/login').send({ email: 'rahul@example.test', password: 'rahul-strong-pass' }).expect(200);
  });

  it('bad user input answers 400 naming each field; a taken email is a 409', async () => {
    const bad = await request(t.http)
      .post('/api/users')
      .set(admin.auth)
      .send({ name: '', email: 'nope', role: 'owner', password: 'short' })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['email', 'name', 'password', 'role']);
    const taken = await request(t.http)
      .post('/api/users')
      .set(admin.auth)
      .send({ name: 'Dup', email: advisor.email.toUpperCase(), role: 'advisor', password: 'long-enough-pw' })
      .expect(409);
    expect(taken.body.fields[0].field).toBe('email');
  });

  it('nobody changes their own role, nor deactivates themselves', async () => {
    const own = await request(t.http).patch(`/api/users/${admin.id}`).set(admin.auth).send({ role: 'advisor' }).expect(403);
    expect(own.body.code).toBe('auth.ownRole');
    const deactivateSelf = await request(t.http).patch(`/api/users/${admin.id}`).set(admin.auth).send({ active: false }).expect(403);
    expect(deactivateSelf.body.code).toBe('auth.ownDeactivation');
    await request(t.http).patch(`/api/users/${admin.id}`).set(admin.auth).send({ name: 'Asha A.' }).expect(200);
  });

  it('a PATCH cannot set fields that are not the user profile (no mass assignment)', async () => {
    const response = await request(t.http)
      .patch(`/api/users/${advisor.id}`)
      .set(admin.auth)
      .send({ passwordHash: 'x', id: 'y', version: 9 })
      .expect(400);
    expect(response.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['id', 'passwordHash', 'version']);
  });

  it("changing a role ends that user's sessions so the new role applies at once", async () => {
    const user = await createUserAndSignIn(t.http, t.dataSource, 'advisor');
    await request(t.http).patch(`/api/users/${user.id}`).set(admin.auth).send({ role: 'marketing' }).expect(200);
    await request(t.http).post('/api/auth/refresh').send({ refreshToken: user.refreshToken }).expect(401);
  });

  // DELETE /api/users/:id (deactivation with the handover of open work) is tested with the leads area: libs/api/leads/test/handover.spec.ts.
  it('deactivating a user (their history stays) ends their sessions at once, and an admin can reactivate them', async () => {
    const user = await createUserAndSignIn(t.http, t.dataSource, 'advisor');
    const deactivated = await request(t.http).patch(`/api/users/${user.id}`).set(admin.auth).send({ active: false }).expect(200);
    expect(deactivated.body.active).toBe(false);
    await request(t.http).get('/api/auth/me').set(user.auth).expect(401);
    await request(t.http).patch(`/api/users/${user.id}`).set(admin.auth).send({ active: true }).expect(200);
    await request(t.http).post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
  });

  it('an unknown or malformed user id is a 404', async () => {
    await request(t.http).get('/api/users/00000000-0000-4000-8000-000000000000').set(admin.auth).expect(404);
    await request(t.http).get('/api/users/42').set(admin.auth).expect(404);
  });
});
