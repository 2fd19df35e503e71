import { lockDurationMs, type LockoutPolicy } from './rate-limiter';

const policy: LockoutPolicy = { lockAfter: 5, firstLockMs: 60_000, maxLockMs: 15 * 60_000, forgetAfterMs: 15 * 60_000 };

describe('locking out after repeated failures', () => {
  it('the fifth failure locks for a minute, each further one twice as long, never more than 15 minutes', () => {
    expect([1, 4, 5, 6, 7, 8, 9, 20, 2000].map((failures) => lockDurationMs(failures, policy) / 60_000)).toEqual([0, 0, 1, 2, 4, 8, 15, 15, 15]);
  });
});
