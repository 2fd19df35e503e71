import request from 'supertest';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import type { SavedView } from '@advisordesk/shared';
import { SavedViewsModule } from '../src';

describe('saved views', () => {
  let t: TestApp;
  let manager: SignedIn;
  let advisor: SignedIn;
  let otherAdvisor: SignedIn;
  let marketing: SignedIn;

  const save = (who: SignedIn, body: Record<string, unknown>) => request(t.http).post('/api/saved-views').set(who.auth).send(body);
  const list = async (who: SignedIn, resource: string) =>
    (await request(t.http).get(`/api/saved-views?resource=${resource}`).set(who.auth).expect(200)).body as SavedView[];

  beforeAll(async () => {
    t = await createTestApp([SavedViewsModule]);
    manager = await createUserAndSignIn(t.http, t.dataSource, 'manager', 'Meera Manager');
    advisor = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Priya Sharma');
    otherAdvisor = await createUserAndSignIn(t.http, t.dataSource, 'advisor', 'Rahul Verma');
    marketing = await createUserAndSignIn(t.http, t.dataSource, 'marketing', 'Maya Marketing');
  });
  afterAll(() => t.close());

  it('a view is its owner’s until a manager shares one: then every advisor sees it, with who made it', async () => {
    const mine = await save(advisor, { name: 'My hot leads', resource: 'leads', query: 'status=counselled&_sort=nextFollowUpAt&_order=asc' }).expect(
      201,
    );
    expect(mine.body).toMatchObject({ name: 'My hot leads', shared: false, mine: true, ownerId: advisor.id, ownerName: 'Priya Sharma' });
    const shared = await save(manager, {
      name: 'Overdue MBA leads',
      resource: 'leads',
      query: 'status=new&status=contacted&courseInterest=Online%20MBA&columns=fullName,status,advisorName',
      shared: true,
    }).expect(201);

    expect((await list(advisor, 'leads')).map((v) => [v.name, v.mine, v.shared])).toEqual([
      ['My hot leads', true, false],
      ['Overdue MBA leads', false, true],
    ]);
    expect((await list(otherAdvisor, 'leads')).map((v) => v.name)).toEqual(['Overdue MBA leads']);
    expect((await list(otherAdvisor, 'leads'))[0]).toMatchObject({ id: shared.body.id, ownerName: 'Meera Manager', mine: false });
    // Views belong to one list.
    expect(await list(advisor, 'tasks')).toEqual([]);
  });

  it('an advisor cannot share a view with everyone: 403 naming shared, and nothing is saved', async () => {
    const response = await save(advisor, { name: 'For the team', resource: 'leads', query: 'status=new', shared: true }).expect(403);
    expect(response.body).toMatchObject({ code: 'savedViews.shareForManagers', fields: [{ field: 'shared' }] });
    expect((await list(otherAdvisor, 'leads')).map((v) => v.name)).not.toContain('For the team');
  });

  it('a name is one per person and list, whatever its case; another list or person may reuse it', async () => {
    await save(advisor, { name: 'Follow-ups today', resource: 'tasks', query: 'done=false' }).expect(201);
    const again = await save(advisor, { name: '  FOLLOW-UPS TODAY ', resource: 'tasks', query: 'done=true' }).expect(409);
    expect(again.body).toMatchObject({ code: 'savedViews.nameTaken', fields: [{ field: 'name' }] });
    await save(advisor, { name: 'Follow-ups today', resource: 'applications', query: 'status=planned' }).expect(201);
    await save(otherAdvisor, { name: 'Follow-ups today', resource: 'tasks', query: 'done=false' }).expect(201);
  });

  it('only the owner deletes a view, and managers a shared one; to anyone else it does not exist', async () => {
    const own = (await save(otherAdvisor, { name: 'Mine to delete', resource: 'leads', query: 'status=new' }).expect(201)).body as SavedView;
    await request(t.http).delete(`/api/saved-views/${own.id}`).set(advisor.auth).expect(404);
    await request(t.http).delete(`/api/saved-views/${own.id}`).set(manager.auth).expect(404);
    await request(t.http).delete(`/api/saved-views/${own.id}`).set(otherAdvisor.auth).expect(204);
    await request(t.http).delete(`/api/saved-views/${own.id}`).set(otherAdvisor.auth).expect(404);

    const shared = (await save(manager, { name: 'Shared to delete', resource: 'leads', query: 'source=walk_in', shared: true }).expect(201))
      .body as SavedView;
    await request(t.http).delete(`/api/saved-views/${shared.id}`).set(advisor.auth).expect(404);
    const admin = await createUserAndSignIn(t.http, t.dataSource, 'admin');
    await request(t.http).delete(`/api/saved-views/${shared.id}`).set(admin.auth).expect(204);
    expect((await list(advisor, 'leads')).map((v) => v.name)).not.toContain('Shared to delete');
    await request(t.http).delete('/api/saved-views/not-a-uuid').set(manager.auth).expect(404);
  });

  it('marketing saves segments only, and staff do not see or save segments', async () => {
    await save(marketing, { name: 'PG in Maharashtra', resource: 'segments', query: 'level=PG&state=Maharashtra&createdAt_gte=2026-09-01' }).expect(
      201,
    );
    expect((await list(marketing, 'segments')).map((v) => v.name)).toEqual(['PG in Maharashtra']);
    const leads = await request(t.http).get('/api/saved-views?resource=leads').set(marketing.auth).expect(403);
    expect(leads.body).toMatchObject({ code: 'savedViews.notYourList', fields: [{ field: 'resource' }] });
    await save(marketing, { name: 'Leads', resource: 'leads', query: 'status=new' }).expect(403);
    await request(t.http).get('/api/saved-views?resource=segments').set(manager.auth).expect(403);
    await save(marketing, { name: 'Shared segment', resource: 'segments', query: 'level=UG', shared: true }).expect(403);
  });

  it('a segment names no person: phone, name, email, q and id filters are refused, naming the filter', async () => {
    for (const filter of ['phone', 'fullName', 'email', 'q', 'id', 'phone_like', 'fullName_ne', 'email_like', 'advisorId']) {
      const response = await save(marketing, { name: `by ${filter}`, resource: 'segments', query: `${filter}=98765` }).expect(400);
      expect(response.body.fields).toEqual([{ field: `query.${filter}`, message: expect.stringContaining(filter) }]);
    }
  });

  it('a query names only what its list knows, with values the list accepts: anything else is a 400 naming it', async () => {
    const refused: [string, string, string][] = [
      ['leads', 'colour=red', 'query.colour'],
      ['leads', 'status=sleeping', 'query.status'],
      ['leads', '_sort=phone', 'query._sort'],
      ['leads', 'createdAt_gte=yesterday', 'query.createdAt_gte'],
      ['leads', 'columns=fullName,password', 'query.columns'],
      ['leads', '_start=0&_end=25', 'query._start'],
      ['tasks', 'status=new', 'query.status'],
      ['tasks', 'columns=title', 'query.columns'],
      ['applications', 'deadline_gte=soon', 'query.deadline_gte'],
      ['segments', 'columns=fullName', 'query.columns'],
    ];
    for (const [resource, query, field] of refused) {
      const response = await save(resource === 'segments' ? marketing : manager, { name: query, resource, query });
      expect([response.status, response.body.fields?.[0]?.field]).toEqual([400, field]);
    }
    await save(manager, { name: 'Stored without its question mark', resource: 'leads', query: '?status=new&q=kapoor&_sort=createdAt&_order=desc' })
      .expect(201)
      .expect(({ body }) => expect(body.query).toBe('status=new&q=kapoor&_sort=createdAt&_order=desc'));
  });

  it('hostile input is a 400, never stored: NUL, unpaired surrogates, built-in keys, bad encoding, too long, unknown lists', async () => {
    const hostile: [Record<string, unknown>, string][] = [
      [{ name: 'nul', resource: 'leads', query: 'status=new%00' }, 'query.status'],
      [{ name: 'nul key', resource: 'leads', query: 'sta%00tus=new' }, 'query'],
      [{ name: 'surrogate', resource: 'leads', query: 'city=%ED%A0%80' }, 'query'],
      [{ name: 'raw surrogate', resource: 'leads', query: 'city=\ud800' }, 'query'],
      [{ name: 'proto', resource: 'leads', query: '__proto__=x' }, 'query.__proto__'],
      [{ name: 'constructor', resource: 'leads', query: 'constructor=x&status=new' }, 'query.constructor'],
      [{ name: 'encoding', resource: 'leads', query: 'city=%E0%A4' }, 'query'],
      [{ name: 'long', resource: 'leads', query: `city=${'x'.repeat(2100)}` }, 'query'],
      [{ name: 'unknown list', resource: 'universities', query: '' }, 'resource'],
      [{ name: null, resource: 'leads', query: 'status=new' }, 'name'],
      [{ name: 'x'.repeat(81), resource: 'leads', query: 'status=new' }, 'name'],
      [{ name: 'extra', resource: 'leads', query: 'status=new', userId: manager.id }, 'userId'],
    ];
    for (const [body, field] of hostile) {
      const response = await save(manager, body);
      expect([body.name, response.status, (response.body.fields as { field: string }[] | undefined)?.map((f) => f.field)]).toEqual([
        body.name,
        400,
        expect.arrayContaining([field]),
      ]);
    }
    await request(t.http).get('/api/saved-views?resource=constructor').set(manager.auth).expect(400);
    await request(t.http).get('/api/saved-views').set(manager.auth).expect(400);
    expect((await list(manager, 'leads')).map((v) => v.name)).not.toEqual(expect.arrayContaining(['nul', 'proto', 'long']));
  });
});
