import { AppError, CommonErrors } from '../errors/app-error';

/**
 * A fixed-window counter per key, in this process's memory (one API instance; behind several
 * instances, move it to Redis). `hit` throws a 429 carrying `Retry-After` once a key is over.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private lastSweep = Date.now();

  constructor(
    private readonly limit: () => number,
    private readonly windowMs: number,
    private readonly message: string,
  ) {}

  /** Counts one event for `key`; answers how many remain, or throws 429. */
  hit(key: string, now = Date.now()): number {
    this.sweep(now);
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    window.count++;
    if (window.count > this.limit()) throw new RateLimitedError(this.message, Math.ceil((window.resetAt - now) / 1000));
    return this.limit() - window.count;
  }

  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

/**
 * Growing delays after repeated failures of one key (an account from one address, so that
 * someone elsewhere cannot lock its owner out): the `lockAfter`-th failure locks the key for
 * `firstLockMs`, each further one for twice as long, up to `maxLockMs`.
 */
export interface LockoutPolicy {
  lockAfter: number;
  firstLockMs: number;
  maxLockMs: number;
  /** Failures are forgotten this long after the last lock ends (or the last failure). */
  forgetAfterMs: number;
}

export function lockDurationMs(failures: number, policy: LockoutPolicy): number {
  if (failures < policy.lockAfter) return 0;
  return Math.min(policy.firstLockMs * 2 ** (failures - policy.lockAfter), policy.maxLockMs);
}

/**
 * Failures counted per key, and refusal while the key is locked. Asynchronous so that a shared
 * store (PostgreSQL, Redis) can take the in-memory one's place when the API runs as several instances.
 */
export interface FailureLockout {
  /** Throws a 429 carrying `Retry-After` while `key` is locked. */
  assertNotLocked(key: string): Promise<void>;
  recordFailure(key: string): Promise<void>;
  clear(key: string): Promise<void>;
}

/** A `FailureLockout` in this process's memory (one API instance). */
export class InMemoryFailureLockout implements FailureLockout {
  private readonly keys = new Map<string, { failures: number; lockedUntil: number; forgetAt: number }>();
  private lastSweep: number;

  constructor(
    private readonly policy: LockoutPolicy,
    private readonly message: string,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.lastSweep = now();
  }

  async assertNotLocked(key: string): Promise<void> {
    const now = this.now();
    const entry = this.current(key, now);
    if (entry && entry.lockedUntil > now) throw new RateLimitedError(this.message, Math.ceil((entry.lockedUntil - now) / 1000));
  }

  async recordFailure(key: string): Promise<void> {
    const now = this.now();
    this.sweep(now);
    const failures = (this.current(key, now)?.failures ?? 0) + 1;
    const lockedUntil = now + lockDurationMs(failures, this.policy);
    this.keys.set(key, { failures, lockedUntil, forgetAt: lockedUntil + this.policy.forgetAfterMs });
  }

  async clear(key: string): Promise<void> {
    this.keys.delete(key);
  }

  private current(key: string, now: number) {
    const entry = this.keys.get(key);
    return entry && entry.forgetAt > now ? entry : undefined;
  }

  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, entry] of this.keys) if (entry.forgetAt <= now) this.keys.delete(key);
  }
}

/** A 429 (`common.rateLimited`) with this limiter's words, carrying `Retry-After`. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(CommonErrors.rateLimited, undefined, message);
  }
}
