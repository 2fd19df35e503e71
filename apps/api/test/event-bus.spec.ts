import { randomBytes } from 'node:crypto';
import { EventBus, EventBusError, PostgresEventBus } from '@advisordesk/api-core';
import { adminQuery, createTestApp, type TestApp } from '@advisordesk/api-database/testing';

/**
 * Events between instances: two apps on one database (and one Redis) are two instances. An
 * event published on one reaches the subscribers of both.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Collects what a subscription receives; `next()` waits for the next payload (the test's timeout bounds the wait). */
function inbox() {
  const received: unknown[] = [];
  const waiting: ((payload: unknown) => void)[] = [];
  return {
    received,
    handler: (payload: unknown) => {
      received.push(payload);
      waiting.splice(0).forEach((resolve) => resolve(payload));
    },
    next: () => new Promise<unknown>((resolve) => waiting.push(resolve)),
  };
}

describe.each([
  ['PostgreSQL LISTEN/NOTIFY', false],
  ['Redis pub/sub', true],
])('events between instances, over %s', (_store, useRedis) => {
  let a: TestApp;
  let b: TestApp;
  let busA: EventBus;
  let busB: EventBus;

  beforeAll(async () => {
    const env: Record<string, string> = useRedis ? { REDIS_URL, REDIS_PREFIX: `adk-test-${randomBytes(6).toString('hex')}:` } : {};
    a = await createTestApp([], env);
    b = await createTestApp([], env, { database: a.database });
    busA = a.app.get(EventBus);
    busB = b.app.get(EventBus);
  });

  afterAll(async () => {
    await b?.app.close();
    await a?.close();
  });

  it('an event published on one instance reaches the subscribers on both, and stops once they unsubscribe', async () => {
    const onA = inbox();
    const onB = inbox();
    const stopA = await busA.subscribe('lead.assigned', onA.handler);
    const stopB = await busB.subscribe('lead.assigned', onB.handler);
    const arrivals = Promise.all([onA.next(), onB.next()]);
    await busA.publish('lead.assigned', { leadId: 'L-1', advisor: 'Priya Sharma ✓' });
    expect(await arrivals).toEqual([
      { leadId: 'L-1', advisor: 'Priya Sharma ✓' },
      { leadId: 'L-1', advisor: 'Priya Sharma ✓' },
    ]);

    await stopB();
    const onAAgain = onA.next();
    await busB.publish('lead.assigned', { leadId: 'L-2' });
    expect(await onAAgain).toEqual({ leadId: 'L-2' });
    await sleep(200);
    expect(onB.received).toHaveLength(1);
    await stopA();
  });

  it('an event of 8000 bytes or more, or on a channel that is not a plain name, is refused with a clear error', async () => {
    await expect(busA.publish('lead.assigned', { note: 'x'.repeat(8000) })).rejects.toThrow(/at most 7999/);
    await expect(busA.publish('lead.assigned', { note: 'म'.repeat(2700) })).rejects.toThrow(EventBusError);
    await expect(busA.publish('lead"; DROP TABLE leads; --', {})).rejects.toThrow(/lowercase letters/);
    await expect(busA.subscribe('Lead Assigned', () => undefined)).rejects.toThrow(/lowercase letters/);
    // The largest event that fits still goes through.
    const onB = inbox();
    await busB.subscribe('big.event', onB.handler);
    const arrival = onB.next();
    const note = 'x'.repeat(7999 - JSON.stringify({ note: '' }).length);
    await busA.publish('big.event', { note });
    expect(await arrival).toEqual({ note });
  });
});

describe('events after the listening connection is lost', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp([]);
    b = await createTestApp([], {}, { database: a.database });
  });

  afterAll(async () => {
    await b?.app.close();
    await a?.close();
  });

  it('the instance whose connection was ended reconnects, listens again, says so, and receives what is published next', async () => {
    const busB = b.app.get(EventBus) as PostgresEventBus;
    const onB = inbox();
    await busB.subscribe('follow_up.due', onB.handler);
    let resumed = 0;
    busB.onResume(() => void resumed++);
    const pid = await busB.listenerPid();
    expect(pid).toEqual(expect.any(Number));
    await adminQuery(`SELECT pg_terminate_backend($1)`, [pid]);

    // Publish until B hears again (it is told of the loss, waits a little, reconnects).
    const heard = onB.next();
    let done = false;
    void heard.then(() => (done = true));
    for (let i = 0; !done; i++) {
      await a.app.get(EventBus).publish('follow_up.due', { attempt: i });
      await sleep(100);
    }
    expect(await heard).toEqual({ attempt: expect.any(Number) });
    expect(await busB.listenerPid()).not.toBe(pid);
    // What subscribers may have missed meanwhile, they are told to re-read.
    expect(resumed).toBe(1);
  });
});
