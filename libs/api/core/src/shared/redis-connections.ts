import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { redactConnectionUrl } from '../logging/redact-url';

/** How long the start waits for Redis before carrying on without it (limits then count in memory until it answers). */
const READY_AT_START_MS = 5_000;

/**
 * The instance's connections to Redis (`REDIS_URL`), opened at start when it is set and closed on shutdown:
 * one for commands (rate limits, publishing) and one for subscribing (a subscribed connection
 * takes no other command). Commands fail at once while Redis is unreachable (no offline queue):
 * callers decide what that means instead of waiting.
 */
@Injectable()
export class RedisConnections implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private readonly opened: Redis[] = [];
  private commands?: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get enabled(): boolean {
    return Boolean(this.config.redisUrl);
  }

  /** Put before every key and channel (`REDIS_PREFIX`). */
  get prefix(): string {
    return this.config.redisPrefix;
  }

  client(): Redis {
    this.commands ??= this.open('commands', { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    return this.commands;
  }

  /** A new connection for `SUBSCRIBE`: it queues the subscriptions until connected, and re-subscribes after a reconnect. */
  subscriber(): Redis {
    return this.open('subscriber', { enableOfflineQueue: true, maxRetriesPerRequest: null });
  }

  /** Connects before the app takes requests, so that its first requests are counted in Redis. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    const client = this.client();
    if (client.status === 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    const ready = await Promise.race([
      new Promise<boolean>((resolve) => client.once('ready', () => resolve(true))),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), READY_AT_START_MS))),
    ]);
    clearTimeout(timer);
    if (!ready) this.logger.warn(`Redis did not answer within ${READY_AT_START_MS / 1000} s: starting without it, and connecting in the background`);
  }

  async onApplicationShutdown(): Promise<void> {
    // A connection that is not up is dropped (and stops reconnecting); one that is up says goodbye.
    await Promise.all(
      this.opened.splice(0).map((redis) => (redis.status === 'ready' ? redis.quit().catch(() => redis.disconnect()) : redis.disconnect())),
    );
    this.commands = undefined;
  }

  private open(role: string, options: { enableOfflineQueue: boolean; maxRetriesPerRequest: number | null }): Redis {
    const url = this.config.redisUrl;
    if (!url) throw new Error('REDIS_URL is not set');
    const redis = new Redis(url, {
      ...options,
      connectionName: `advisordesk-${role}`,
      // Reconnect after 0.1 s, growing to 5 s between attempts, for as long as it takes.
      retryStrategy: (attempt) => Math.min(100 * 2 ** attempt, 5_000),
    });
    let down = false;
    redis.on('error', (error: Error) => {
      if (down) return;
      down = true;
      this.logger.warn(`Redis at ${redactConnectionUrl(url)} is unreachable (${role}): ${error.message}`);
    });
    redis.on('ready', () => {
      if (down) this.logger.log(`Redis at ${redactConnectionUrl(url)} is reachable again (${role})`);
      down = false;
    });
    this.opened.push(redis);
    return redis;
  }
}
