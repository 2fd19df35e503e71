import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { RateLimitedError, RateLimits, type LockoutPolicy } from '@advisordesk/api-core';
import { createTestApp, type TestApp } from '@advisordesk/api-database/testing';

/**
 * The rate limits as several instances of the API see them: two apps on one database (and one
 * Redis) are two instances. Each store is tested the same way, on the real service.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A refusal asking to wait between `low` and `high` seconds (a lock counts down while the test runs). */
function expectWait(result: 'ok' | number, low: number, high: number): void {
  expect(typeof result).toBe('number');
  expect(result).toBeGreaterThanOrEqual(low);
  expect(result).toBeLessThanOrEqual(high);
}

async function withRedis<T>(use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = new Redis(REDIS_URL);
  try {
    return await use(redis);
  } finally {
    await redis.quit();
  }
}

/** What a hit answers: "ok", or the seconds a 429 asks to wait. */
async function outcome(hit: Promise<void>): Promise<'ok' | number> {
  try {
    await hit;
    return 'ok';
  } catch (error) {
    if (error instanceof RateLimitedError) return error.retryAfterSeconds;
    throw error;
  }
}

/** Two instances on one database; with `redis`, on one Redis too, under a key prefix of this run's own. */
async function twoInstances(env: Record<string, string>): Promise<{ a: TestApp; b: TestApp; close: () => Promise<void> }> {
  const a = await createTestApp([], env);
  const b = await createTestApp([], env, { database: a.database });
  return {
    a,
    b,
    close: async () => {
      await b.app.close();
      await a.close();
    },
  };
}

describe.each([
  ['PostgreSQL', false],
  ['Redis', true],
])('rate limits shared by the instances, in %s', (_store, useRedis) => {
  const prefix = `adk-test-${randomBytes(6).toString('hex')}:`;
  let instances: Awaited<ReturnType<typeof twoInstances>>;
  let a: RateLimits;
  let b: RateLimits;

  beforeAll(async () => {
    instances = await twoInstances(useRedis ? { REDIS_URL, REDIS_PREFIX: prefix } : {});
    a = instances.a.app.get(RateLimits);
    b = instances.b.app.get(RateLimits);
    expect(a.store).toBe(useRedis ? 'redis' : 'postgres');
  });

  afterAll(async () => {
    await instances?.close();
    if (useRedis) {
      await withRedis(async (redis) => {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length) await redis.del(...keys);
      });
    }
  });

  it('a limit of N a minute lets N hits through in total across both instances, then answers 429 with the seconds to wait', async () => {
    const options = { points: 4, durationSec: 60, message: 'Too many' };
    const onA = a.limiter('shared-test', options);
    const onB = b.limiter('shared-test', options);
    // 10 hits at once from one address, split over both instances.
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => outcome((i % 2 ? onA : onB).hit('203.0.113.9'))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(4);
    for (const wait of results.filter((r) => r !== 'ok')) expect(wait).toBeGreaterThanOrEqual(59);
    // Another address has its own count.
    expect(await outcome(onB.hit('203.0.113.10'))).toBe('ok');
    const refusal = await onA.hit('203.0.113.9').catch((error: unknown) => error);
    expect(refusal).toMatchObject({ message: 'Too many', retryAfterSeconds: expect.any(Number) });
  });

  it('stores no address: keys are hashed', async () => {
    await a.limiter('hashed-test', { points: 5, durationSec: 60, message: 'Too many' }).hit('198.51.100.77');
    const stored = useRedis
      ? await withRedis((redis) => redis.keys(`${prefix}*`))
      : (await instances.a.dataSource.query<{ key: string }[]>(`SELECT key FROM rate_limits`)).map((row) => row.key);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.join(' ')).not.toContain('198.51.100.77');
  });

  it('the lockout locks a key after its failures on either instance, grows, and is cleared by a success', async () => {
    const policy: LockoutPolicy = { lockAfter: 3, firstLockMs: 2_000, maxLockMs: 4_000, forgetAfterMs: 60_000 };
    const onA = a.lockout('lock-test', policy, 'Locked');
    const onB = b.lockout('lock-test', policy, 'Locked');
    const key = 'priya@example.test 203.0.113.9';
    await onA.recordFailure(key);
    await onB.recordFailure(key);
    expect(await outcome(onA.assertNotLocked(key))).toBe('ok');
    await onA.recordFailure(key);
    // Locked on both instances, for the first lock's 2 seconds; another address is not.
    expectWait(await outcome(onB.assertNotLocked(key)), 1, 2);
    expectWait(await outcome(onA.assertNotLocked(key)), 1, 2);
    expect(await outcome(onB.assertNotLocked('priya@example.test 198.51.100.1'))).toBe('ok');

    // Once the lock is over, the next failure locks twice as long.
    await sleep(2_100);
    expect(await outcome(onB.assertNotLocked(key))).toBe('ok');
    await onB.recordFailure(key);
    expectWait(await outcome(onA.assertNotLocked(key)), 3, 4);

    await onA.clear(key);
    expect(await outcome(onB.assertNotLocked(key))).toBe('ok');
    await onB.recordFailure(key);
    expect(await outcome(onA.assertNotLocked(key))).toBe('ok');
  });

  it('failures are forgotten a while after the first one when no lock came of them', async () => {
    const policy: LockoutPolicy = { lockAfter: 3, firstLockMs: 60_000, maxLockMs: 60_000, forgetAfterMs: 1_000 };
    const onA = a.lockout('forget-test', policy, 'Locked');
    const onB = b.lockout('forget-test', policy, 'Locked');
    await onA.recordFailure('k');
    await onB.recordFailure('k');
    await sleep(1_200);
    await onA.recordFailure('k');
    expect(await outcome(onB.assertNotLocked('k'))).toBe('ok');
    await onB.recordFailure('k');
    await onA.recordFailure('k');
    expectWait(await outcome(onB.assertNotLocked('k')), 59, 60);
  });
});

describe('rate limits while Redis is unreachable', () => {
  let t: TestApp;

  beforeAll(async () => {
    // Nothing listens on port 1.
    t = await createTestApp([], { REDIS_URL: 'redis://127.0.0.1:1', REDIS_PREFIX: 'adk-test-down:' });
  });
  afterAll(() => t?.close());

  it('each instance keeps counting in its own memory: requests are neither refused wholesale nor let through unlimited', async () => {
    const limiter = t.app.get(RateLimits).limiter('down-test', { points: 3, durationSec: 60, message: 'Too many' });
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await outcome(limiter.hit('203.0.113.9')));
    expect(results.slice(0, 3)).toEqual(['ok', 'ok', 'ok']);
    expect(results.slice(3).every((r) => typeof r === 'number')).toBe(true);
  });
});
