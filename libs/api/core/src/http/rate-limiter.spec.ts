import { InMemoryFailureLockout, lockDurationMs, RateLimitedError, type LockoutPolicy } from './rate-limiter';

const policy: LockoutPolicy = { lockAfter: 5, firstLockMs: 60_000, maxLockMs: 15 * 60_000, forgetAfterMs: 15 * 60_000 };

describe('locking out after repeated failures', () => {
  it('the fifth failure locks for a minute, each further one twice as long, never more than 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 8, 9, 20, 2000].map((failures) => lockDurationMs(failures, policy) / 60_000)).toEqual([0, 0, 1, 2, 4, 8, 15, 15, 15]);
  });

  it('a locked key is refused with the seconds left; other keys and clearing are unaffected', async () => {
    let now = 1_000_000;
    const lockout = new InMemoryFailureLockout(policy, 'locked', () => now);
    for (let i = 0; i < 5; i++) await lockout.recordFailure('a');
    now += 20_000;
    const refusal = await lockout.assertNotLocked('a').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect((refusal as RateLimitedError).retryAfterSeconds).toBe(40);
    await expect(lockout.assertNotLocked('b')).resolves.toBeUndefined();
    await lockout.clear('a');
    await expect(lockout.assertNotLocked('a')).resolves.toBeUndefined();
  });

  it('failures are forgotten a while after the last lock ends', async () => {
    let now = 0;
    const lockout = new InMemoryFailureLockout(policy, 'locked', () => now);
    for (let i = 0; i < 4; i++) await lockout.recordFailure('a');
    now += policy.forgetAfterMs + 1;
    await lockout.recordFailure('a');
    await expect(lockout.assertNotLocked('a')).resolves.toBeUndefined();
  });
});
