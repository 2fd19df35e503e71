import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { RedisConnections } from '../shared/redis-connections';
import { SharedPostgres } from '../shared/shared-postgres';

export type EventHandler = (payload: unknown) => void | Promise<void>;

/** PostgreSQL refuses a `NOTIFY` payload of 8000 bytes or more; the same limit holds with Redis so that code never depends on the store. */
export const MAX_EVENT_BYTES = 7999;
/** A channel is lowercase letters, digits, dots and underscores: safe as a PostgreSQL identifier (63 bytes at most) and a Redis channel. */
const CHANNEL = /^[a-z][a-z0-9_.]{0,62}$/;

export class EventBusError extends Error {}

function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel))
    throw new EventBusError(`An event channel is lowercase letters, digits, dots and underscores (63 at most): ${JSON.stringify(channel)}`);
}

function encode(channel: string, payload: unknown): string {
  checkChannel(channel);
  const text = JSON.stringify(payload ?? null);
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_EVENT_BYTES) {
    throw new EventBusError(
      `The event on ${channel} is ${bytes} bytes of JSON; events carry at most ${MAX_EVENT_BYTES}: send an id and let subscribers read the rest`,
    );
  }
  return text;
}

/** How long to wait before the n-th attempt to reconnect: 0.1 s doubling up to 5 s. */
export const reconnectDelayMs = (attempt: number) => Math.min(100 * 2 ** attempt, 5_000);

/**
 * Events that reach every instance of the API (this one included): `publish(channel, payload)`
 * on one, every `subscribe(channel, handler)` on all of them gets the payload (JSON, < 8000 bytes).
 * At most once: an instance that is disconnected when the event is raised misses it, so an event
 * says "something changed, read it again", never the only copy of data.
 * PostgreSQL `LISTEN/NOTIFY` by default, Redis pub/sub with `REDIS_URL`.
 */
export abstract class EventBus {
  abstract publish(channel: string, payload: unknown): Promise<void>;
  /** Answers the function that ends this subscription. */
  abstract subscribe(channel: string, handler: EventHandler): Promise<() => Promise<void>>;
  /** Called when this instance listens again after losing its connection: events raised meanwhile were missed, so re-read. */
  abstract onResume(listener: () => void | Promise<void>): void;
}

/** Keeps the handlers per channel; the store-specific part says when to start and stop listening. */
abstract class HandlerRegistry extends EventBus implements OnApplicationShutdown {
  protected readonly logger = new Logger('EventBus');
  protected readonly handlers = new Map<string, Set<EventHandler>>();

  async subscribe(channel: string, handler: EventHandler): Promise<() => Promise<void>> {
    checkChannel(channel);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      try {
        await this.listen(channel);
      } catch (error) {
        this.handlers.delete(channel);
        throw error;
      }
    }
    const handlers = set;
    handlers.add(handler);
    return async () => {
      if (!handlers.delete(handler) || handlers.size || this.handlers.get(channel) !== handlers) return;
      this.handlers.delete(channel);
      await this.unlisten(channel);
    };
  }

  private readonly resumeListeners: (() => void | Promise<void>)[] = [];

  onResume(listener: () => void | Promise<void>): void {
    this.resumeListeners.push(listener);
  }

  protected resumed(): void {
    this.logger.log('Listening for events again');
    for (const listener of this.resumeListeners) {
      Promise.resolve()
        .then(listener)
        .catch((error: unknown) => this.logger.error(`Catching up after a lost connection failed: ${(error as Error)?.message ?? error}`));
    }
  }

  protected deliver(channel: string, text: string): void {
    const handlers = this.handlers.get(channel);
    if (!handlers?.size) return;
    let payload: unknown;
    try {
      payload = JSON.parse(text);
    } catch {
      this.logger.warn(`Ignored an event on ${channel} that is not JSON`);
      return;
    }
    for (const handler of handlers) {
      Promise.resolve()
        .then(() => handler(payload))
        .catch((error: unknown) => this.logger.error(`A handler of ${channel} failed: ${(error as Error)?.message ?? error}`));
    }
  }

  protected abstract listen(channel: string): Promise<void>;
  protected abstract unlisten(channel: string): Promise<void>;
  abstract onApplicationShutdown(): Promise<void>;
}

/**
 * `LISTEN/NOTIFY` on the app's database: publishing is one `pg_notify` on the shared pool;
 * listening holds one dedicated connection per instance, opened on the first subscription. When
 * that connection is lost it reconnects with growing delays and listens to every channel again.
 */
@Injectable()
export class PostgresEventBus extends HandlerRegistry {
  private client?: Client;
  private connecting?: Promise<Client>;
  private attempt = 0;
  private reconnectTimer?: NodeJS.Timeout;
  private closed = false;
  private wasLost = false;

  constructor(private readonly postgres: SharedPostgres) {
    super();
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    const text = encode(channel, payload);
    await this.postgres.pool().query('SELECT pg_notify($1, $2)', [channel, text]);
  }

  /** The backend pid of the listening connection (tests end it to prove the bus comes back). */
  async listenerPid(): Promise<number | undefined> {
    const client = await this.connecting?.catch(() => undefined);
    return (client as { processID?: number } | undefined)?.processID;
  }

  protected async listen(channel: string): Promise<void> {
    const client = await this.connection();
    await client.query(`LISTEN "${channel}"`);
  }

  protected async unlisten(channel: string): Promise<void> {
    const client = this.client;
    if (client) await client.query(`UNLISTEN "${channel}"`).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connection(): Promise<Client> {
    this.connecting ??= this.connect();
    return this.connecting;
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.postgres.url, application_name: 'advisordesk-events', connectionTimeoutMillis: 5_000 });
    client.on('notification', (message) => this.deliver(message.channel, message.payload ?? 'null'));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN "${channel}"`);
    } catch (error) {
      this.connecting = undefined;
      await client.end().catch(() => undefined);
      throw error;
    }
    this.client = client;
    this.attempt = 0;
    if (this.wasLost) this.resumed();
    this.wasLost = false;
    return client;
  }

  private lost(client: Client, error?: Error): void {
    if (this.closed || this.client !== client) return;
    this.client = undefined;
    this.connecting = undefined;
    this.wasLost = true;
    this.logger.warn(`Lost the connection listening for events${error ? ` (${error.message})` : ''}: reconnecting`);
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      if (this.closed) return;
      this.connection().catch(() => {
        this.attempt++;
        this.scheduleReconnect();
      });
    }, reconnectDelayMs(this.attempt));
    this.reconnectTimer.unref();
  }
}

/**
 * Redis pub/sub: publishing on the shared command connection, listening on a subscriber
 * connection of its own (ioredis reconnects it and subscribes again by itself). Channels carry
 * `REDIS_PREFIX`, so that deployments sharing a Redis do not hear each other.
 */
@Injectable()
export class RedisEventBus extends HandlerRegistry {
  private subscriber?: Redis;

  constructor(private readonly redis: RedisConnections) {
    super();
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    const text = encode(channel, payload);
    await this.redis.client().publish(`${this.redis.prefix}${channel}`, text);
  }

  protected async listen(channel: string): Promise<void> {
    if (!this.subscriber) {
      this.subscriber = this.redis.subscriber();
      const prefix = this.redis.prefix;
      this.subscriber.on('message', (name: string, text: string) => name.startsWith(prefix) && this.deliver(name.slice(prefix.length), text));
      let readyBefore = false;
      this.subscriber.on('ready', () => {
        if (readyBefore) this.resumed();
        readyBefore = true;
      });
    }
    await this.subscriber.subscribe(`${this.redis.prefix}${channel}`);
  }

  protected async unlisten(channel: string): Promise<void> {
    await this.subscriber?.unsubscribe(`${this.redis.prefix}${channel}`).catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    // The connection itself is closed with the others.
    this.subscriber = undefined;
  }
}

/** The bus the configuration asks for: Redis with `REDIS_URL`, PostgreSQL otherwise. */
export const eventBusProvider = {
  provide: EventBus,
  inject: [APP_CONFIG, SharedPostgres, RedisConnections],
  useFactory: (config: AppConfig, postgres: SharedPostgres, redis: RedisConnections): EventBus =>
    config.redisUrl ? new RedisEventBus(redis) : new PostgresEventBus(postgres),
};
