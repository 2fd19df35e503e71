import { HttpException, HttpStatus } from '@nestjs/common';

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
    if (window.count > this.limit()) throw new RateLimitedException(this.message, Math.ceil((window.resetAt - now) / 1000));
    return this.limit() - window.count;
  }

  /** Checks without counting (e.g. an account locked after failed logins). */
  check(key: string, now = Date.now()): void {
    const window = this.windows.get(key);
    if (window && window.resetAt > now && window.count >= this.limit()) {
      throw new RateLimitedException(this.message, Math.ceil((window.resetAt - now) / 1000));
    }
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private sweep(now: number) {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}

export class RateLimitedException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super({ message, retryAfter: retryAfterSeconds }, HttpStatus.TOO_MANY_REQUESTS);
  }
}
