import request from 'supertest';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';
import { createUserAndSignIn, type SignedIn } from '@advisordesk/api-auth/testing';
import { AuthModule } from '@advisordesk/api-auth';
import { LeadsModule } from '@advisordesk/api-leads';
import { NotificationsModule } from '../src';
import { lead, listen, openStream } from './support';

describe('the live stream: tickets, replay with Last-Event-ID, two app instances', () => {
  let a: TestApp;
  let b: TestApp;
  let baseB: string;
  let baseA: string;
  let manager: SignedIn;
  let priya: SignedIn;
  let rahul: SignedIn;

  beforeAll(async () => {
    a = await createTestApp([AuthModule, LeadsModule, NotificationsModule]);
    b = await createTestApp([AuthModule, LeadsModule, NotificationsModule], {}, { database: a.database });
    [baseA, baseB] = [await listen(a), await listen(b)];
    // Signed in through B: two apps in one test process share passport's one strategy, which holds B's key.
    // Streams need no token (a ticket taken on one instance opens a stream on any), so A serves streams only.
    manager = await createUserAndSignIn(b.http, b.dataSource, 'manager', 'Meera Nair');
    priya = await createUserAndSignIn(b.http, b.dataSource, 'advisor', 'Priya Sharma');
    rahul = await createUserAndSignIn(b.http, b.dataSource, 'advisor', 'Rahul Verma');
  });
  afterAll(async () => {
    await b.app.close();
    await a.close();
  });

  const ticket = async (who: SignedIn) =>
    (await request(b.http).post('/api/notifications/stream-ticket').set(who.auth).expect(201)).body.ticket as string;

  it('a ticket opens one stream, once; a used, unknown or missing ticket is a 401', async () => {
    const t1 = await ticket(priya);
    const stream = await openStream(baseA, `ticket=${t1}`);
    expect(stream.status).toBe(200);
    const again = await openStream(baseA, `ticket=${t1}`);
    expect(again.status).toBe(401);
    const refused = [
      await openStream(baseA, `ticket=${'x'.repeat(32)}`),
      await openStream(baseA, ''),
      await openStream(baseA, `access_token=${priya.accessToken}`),
    ];
    // Not with a bearer token in the URL either.
    expect(refused.map((r) => r.status)).toEqual([401, 401, 401]);
    for (const s of [stream, again, ...refused]) s.close();
  });

  it('an assignment made on instance B reaches the stream held by instance A (its ticket taken on B), only for its advisor', async () => {
    const priyas = await openStream(baseA, `ticket=${await ticket(priya)}`);
    const rahuls = await openStream(baseB, `ticket=${await ticket(rahul)}`);
    const id = await lead(b, manager, priya, 'Kavya Iyer');
    await priyas.waitFor(1);
    expect(priyas.events[0]).toMatchObject({ event: 'notification', data: { kind: 'lead.assigned', leadId: id, title: 'New lead: Kavya Iyer' } });
    expect(priyas.events[0].id).toBe(priyas.events[0].data.id);
    await new Promise((r) => setTimeout(r, 600));
    expect(rahuls.events.filter((e) => e.data.leadId === id)).toEqual([]);
    priyas.close();
    rahuls.close();
  });

  it('a reconnect with Last-Event-ID gets what came while it was away, on any instance, and nothing twice', async () => {
    const first = await openStream(baseA, `ticket=${await ticket(priya)}`);
    const one = await lead(b, manager, priya, 'First Lead');
    await first.waitFor(1);
    const lastSeen = first.events[first.events.length - 1].id;
    first.close();
    const two = await lead(b, manager, priya, 'While Away One');
    const three = await lead(b, manager, priya, 'While Away Two');
    // The browser's own reconnect sends the header; a new ticket is needed (tickets are single use).
    const second = await openStream(baseB, `ticket=${await ticket(priya)}`, { 'Last-Event-ID': lastSeen });
    await second.waitFor(2);
    expect(second.events.map((e) => e.data.leadId)).toEqual([two, three]);
    const four = await lead(b, manager, priya, 'After Return');
    await second.waitFor(3);
    await new Promise((r) => setTimeout(r, 600));
    expect(second.events.map((e) => e.data.leadId)).toEqual([two, three, four]);
    expect(second.events.map((e) => e.data.leadId)).not.toContain(one);
    second.close();
    // The same through the query, for a client that opens a new stream itself.
    const third = await openStream(baseA, `ticket=${await ticket(priya)}&lastEventId=${lastSeen}`);
    await third.waitFor(3);
    expect(third.events.map((e) => e.data.leadId)).toEqual([two, three, four]);
    third.close();
    const bad = await openStream(baseA, `ticket=${await ticket(priya)}&lastEventId=abc`);
    expect(bad.status).toBe(400);
    bad.close();
  });
});
