import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { AppError, CommonErrors } from '../errors/app-error';
import { RedisConnections } from '../shared/redis-connections';
import { SharedPostgres } from '../shared/shared-postgres';

/** The table the PostgreSQL store keeps its counters in (migration `1764401700000-rate-limits`). */
export const RATE_LIMITS_TABLE = 'rate_limits';

/**
 * Growing delays after repeated failures of one key (an account from one address, so that
 * someone elsewhere cannot lock its owner out): the `lockAfter`-th failure locks the key for
 * `firstLockMs`, each further one for twice as long, up to `maxLockMs`.
 */
export interface LockoutPolicy {
  lockAfter: number;
  firstLockMs: number;
  maxLockMs: number;
  /** Failures are forgotten this long after the first one, or, once locked, this long after the last lock ends. */
  forgetAfterMs: number;
}

export function lockDurationMs(failures: number, policy: LockoutPolicy): number {
  if (failures < policy.lockAfter) return 0;
  return Math.min(policy.firstLockMs * 2 ** (failures - policy.lockAfter), policy.maxLockMs);
}

/** A number of events per key per window, counted across every instance of the API. */
export interface RateLimit {
  /** Counts one event for `key`; throws a 429 carrying `Retry-After` once the key is over its limit. */
  hit(key: string): Promise<void>;
}

/** Failures counted per key across every instance, and refusal while the key is locked. */
export interface FailureLockout {
  /** Throws a 429 carrying `Retry-After` while `key` is locked. */
  assertNotLocked(key: string): Promise<void>;
  recordFailure(key: string): Promise<void>;
  clear(key: string): Promise<void>;
}

export interface RateLimitOptions {
  points: number;
  durationSec: number;
  /** What the 429 says. */
  message: string;
}

const NAME = /^[a-z][a-z0-9-]{0,39}$/;
/** Keys are stored hashed: the store holds no address or email, and every key has the same length. */
const hashed = (key: string) => createHash('sha256').update(key).digest('base64url');
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));
/** Rows expired this long ago are deleted, every `SWEEP_EVERY_MS`, by whichever instance gets there. */
const SWEEP_EVERY_MS = 5 * 60_000;

/**
 * Rate limits shared by every instance of the API (rate-limiter-flexible): in PostgreSQL (the
 * `rate_limits` table, one upsert per hit through a small pool of our own) by default, in Redis
 * when `REDIS_URL` is set. Keys are hashed before they are stored.
 *
 * PostgreSQL unreachable: the hit fails like any query, a 503 with `Retry-After`. Redis
 * unreachable: the limits fall back to this instance's memory (the library's insurance limiter)
 * and the Redis connection logs a warning; with N instances an address can then get N times its
 * limit until Redis is back. Refusing every inquiry and sign-in because a cache is down would cost
 * more than that: the phone's unique index still keeps one lead per student.
 */
@Injectable()
export class RateLimits implements OnApplicationShutdown {
  private sweeper?: NodeJS.Timeout;
  private readonly names = new Set<string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly postgres: SharedPostgres,
    private readonly redis: RedisConnections,
  ) {}

  /** Where the counters live: `redis` with `REDIS_URL`, `postgres` otherwise. */
  get store(): 'redis' | 'postgres' {
    return this.config.redisUrl ? 'redis' : 'postgres';
  }

  limiter(name: string, options: RateLimitOptions): RateLimit {
    const store = this.create(name, options.points, options.durationSec);
    return {
      hit: async (key) => {
        await store.consume(hashed(key)).catch((refusal: unknown) => {
          if (refusal instanceof RateLimiterRes) throw new RateLimitedError(options.message, seconds(refusal.msBeforeNext));
          throw refusal;
        });
      },
    };
  }

  lockout(name: string, policy: LockoutPolicy, message: string): FailureLockout {
    const forgetSec = seconds(policy.forgetAfterMs);
    const failures = this.create(`${name}-failures`, Number.MAX_SAFE_INTEGER, forgetSec);
    // A lock is a blocked key of a one-point limiter.
    const locks = this.create(`${name}-locks`, 1, seconds(policy.maxLockMs));
    return {
      assertNotLocked: async (key) => {
        const lock = await locks.get(hashed(key));
        if (lock && lock.consumedPoints > 1 && lock.msBeforeNext > 0) throw new RateLimitedError(message, seconds(lock.msBeforeNext));
      },
      recordFailure: async (key) => {
        const id = hashed(key);
        const counted = await failures.consume(id);
        const lockMs = lockDurationMs(counted.consumedPoints, policy);
        if (!lockMs) return;
        // Locked: the failures are remembered until `forgetAfterMs` after this lock ends.
        await Promise.all([locks.block(id, seconds(lockMs)), failures.set(id, counted.consumedPoints, seconds(lockMs + policy.forgetAfterMs))]);
      },
      clear: async (key) => {
        const id = hashed(key);
        await Promise.all([failures.delete(id), locks.delete(id)]);
      },
    };
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  private create(name: string, points: number, durationSec: number): RateLimiterAbstract {
    if (!NAME.test(name)) throw new Error(`A rate limit's name is lowercase letters, digits and dashes: ${name}`);
    if (this.names.has(name)) throw new Error(`Two rate limits are named ${name}`);
    this.names.add(name);
    if (this.config.redisUrl) {
      return new RateLimiterRedis({
        storeClient: this.redis.client(),
        keyPrefix: `${this.redis.prefix}rl:${name}`,
        points,
        duration: durationSec,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration: durationSec }),
      });
    }
    this.sweepExpiredRows();
    return new RateLimiterPostgres({
      storeClient: this.postgres.pool(),
      storeType: 'pool',
      tableName: RATE_LIMITS_TABLE,
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix: name,
      points,
      duration: durationSec,
    });
  }

  /** Expired counters are deleted now and then (one timer per instance, whichever limit comes first): harmless if several instances do it. */
  private sweepExpiredRows(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      this.postgres
        .pool()
        .query(`DELETE FROM ${RATE_LIMITS_TABLE} WHERE expire < $1`, [Date.now()])
        .catch(() => undefined);
    }, SWEEP_EVERY_MS);
    this.sweeper.unref();
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
