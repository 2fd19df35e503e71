import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PgBoss, type JobResult, type JobWithMetadata, type Queue } from 'pg-boss';
import { APP_CONFIG, type AppConfig } from '@advisordesk/api-core';
import { deadLetterQueue, type JobDefinition } from './job-definition';
import type { JobsConfig } from './jobs.config';

export const JOBS_CONFIG = Symbol('JOBS_CONFIG');
export const JOBS_SCHEMA = 'pgboss';
/** Schedules are read in India time unless a definition says otherwise. */
export const JOBS_TIME_ZONE = 'Asia/Kolkata';

const QUEUE_NAME = /^[a-z0-9][a-z0-9.-]{0,60}$/;

/** What a sent job may ask for: one waiting job per key, or not before a moment. */
export interface SendOptions {
  singletonKey?: string;
  startAfter?: Date | number;
  /** Seconds this run may take before it counts as failed and is retried (default: the queue's). */
  expireInSeconds?: number;
}

/**
 * Background jobs on the app's PostgreSQL (pg-boss, schema `pgboss`, created by our migrations).
 * Areas declare their queues with `define`; at start the queues and schedules are created and,
 * when `JOBS_ENABLED`, this instance works them. A job is done once across all instances: a
 * fetch locks the row, a schedule's occurrence is sent by one instance, and a job whose instance
 * stops is returned to its queue (or retried once it expires).
 */
@Injectable()
export class JobsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private readonly definitions = new Map<string, JobDefinition>();
  private boss?: PgBoss;
  private ready?: Promise<PgBoss>;
  /** Settles once the jobs have started, so an area may send from its own start-up hooks. */
  private readonly whenStarted: Promise<PgBoss>;
  private markStarted!: (started: Promise<PgBoss>) => void;

  constructor(
    @Inject(APP_CONFIG) private readonly app: AppConfig,
    @Inject(JOBS_CONFIG) readonly config: JobsConfig,
  ) {
    this.whenStarted = new Promise((resolve) => (this.markStarted = (started) => resolve(started)));
    // Nobody waiting is fine: a failed start is thrown from onApplicationBootstrap.
    this.whenStarted.catch(() => undefined);
  }

  /** Declares a queue (before the app starts: in `onModuleInit`). */
  define<T extends object>(definition: JobDefinition<T>): void {
    if (!QUEUE_NAME.test(definition.queue))
      throw new Error(`Job queue name "${definition.queue}" must be lower-case letters, digits, dots and dashes`);
    if (this.definitions.has(definition.queue)) throw new Error(`Job queue "${definition.queue}" is defined twice`);
    if (this.ready) throw new Error(`Job queue "${definition.queue}" was defined after the jobs started`);
    this.definitions.set(definition.queue, definition as unknown as JobDefinition);
  }

  /** The declared queues, in the order they were defined. */
  queues(): JobDefinition[] {
    return [...this.definitions.values()];
  }

  definition(queue: string): JobDefinition | undefined {
    return this.definitions.get(queue);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.ready = this.start();
    this.markStarted(this.ready);
    await this.ready;
  }

  /** Finishes the jobs in flight (or returns them to their queue after the timeout), then lets go of the database. */
  async onApplicationShutdown(): Promise<void> {
    if (!this.ready) return;
    const boss = await this.ready.catch(() => undefined);
    this.ready = undefined;
    await boss?.stop({ graceful: true, close: true, timeout: this.config.shutdownTimeoutSeconds * 1000 });
    this.boss = undefined;
  }

  /** Sends one job; answers its id, or null when a job with the same `singletonKey` is already waiting. */
  async send<T extends object>(queue: string, data: T, options: SendOptions = {}): Promise<string | null> {
    this.known(queue);
    const boss = await this.started();
    return boss.send(queue, data, {
      ...(options.singletonKey && { singletonKey: options.singletonKey }),
      ...(options.startAfter && { startAfter: options.startAfter }),
      ...(options.expireInSeconds && { expireInSeconds: options.expireInSeconds }),
    });
  }

  /** Sends many jobs in one statement (bulk work, the bench). */
  async sendMany<T extends object>(queue: string, items: T[]): Promise<void> {
    this.known(queue);
    const boss = await this.started();
    await boss.insert(
      queue,
      items.map((data) => ({ data })),
    );
  }

  /** Puts a failed job back in its queue to run again; false when the queue holds no such failed job. */
  async retry(queue: string, id: string): Promise<boolean> {
    this.known(queue);
    const boss = await this.started();
    const [job] = await boss.findJobs(queue, { id });
    if (!job || job.state !== 'failed') return false;
    await boss.retry(queue, id);
    const [after] = await boss.findJobs(queue, { id });
    return after?.state !== 'failed';
  }

  /** The pg-boss instance, for reading its tables (the admin) and for tests. */
  started(): Promise<PgBoss> {
    return this.whenStarted;
  }

  private known(queue: string): void {
    if (!this.definitions.has(queue)) throw new Error(`Unknown job queue "${queue}"`);
  }

  private async start(): Promise<PgBoss> {
    const boss = new PgBoss({
      connectionString: this.app.databaseUrl,
      schema: JOBS_SCHEMA,
      application_name: 'advisordesk-jobs',
      options: '-c jit=off',
      max: this.config.poolSize,
      connectionTimeoutMillis: 5_000,
      // The schema is ours to migrate (migration 1764401600000-jobs), never raced at start.
      migrate: false,
      createSchema: false,
      schedule: true,
      cronMonitorIntervalSeconds: this.config.cronIntervalSeconds,
      cronWorkerIntervalSeconds: Math.min(5, this.config.cronIntervalSeconds),
      // Expired runs (an instance that died mid-job) are failed, and so retried, this often.
      superviseIntervalSeconds: this.config.superviseSeconds,
      monitorIntervalSeconds: this.config.superviseSeconds,
      instanceName: 'api',
      // A new job wakes a worker at once (NOTIFY on queues created with `notify`); polling stays as the floor.
      useListenNotify: true,
    });
    boss.on('error', (error: Error) => this.logger.warn(`Background jobs: ${error.message}`));
    await boss.start();
    this.boss = boss;

    for (const definition of this.definitions.values()) await this.createQueue(boss, definition);
    for (const definition of this.definitions.values()) {
      if (definition.schedule) {
        await boss.schedule(definition.queue, definition.schedule.cron, definition.schedule.data ?? {}, {
          tz: definition.schedule.tz ?? JOBS_TIME_ZONE,
        });
      } else if ((await boss.getSchedules(definition.queue)).length) {
        await boss.unschedule(definition.queue);
      }
    }
    if (this.config.enabled) {
      for (const definition of this.definitions.values()) await this.work(boss, definition);
    }
    return boss;
  }

  private async createQueue(boss: PgBoss, definition: JobDefinition): Promise<void> {
    const deadLetter = definition.deadLetter === false ? undefined : deadLetterQueue(definition.queue);
    if (deadLetter && !(await boss.getQueue(deadLetter))) await this.tolerateRace(boss.createQueue(deadLetter, { retentionSeconds: 30 * 86_400 }));
    const policy: Omit<Queue, 'name' | 'policy'> = {
      retryLimit: definition.retryLimit ?? 3,
      retryDelay: definition.retryDelaySeconds ?? 10,
      retryBackoff: definition.retryBackoff ?? true,
      // pg-boss takes a longest delay only with backoff.
      ...((definition.retryBackoff ?? true) && { retryDelayMax: definition.retryDelayMaxSeconds ?? 3_600 }),
      expireInSeconds: definition.expireInSeconds ?? 900,
      notify: true,
      ...(deadLetter && { deadLetter }),
    };
    if (await boss.getQueue(definition.queue)) await boss.updateQueue(definition.queue, policy);
    else await this.tolerateRace(boss.createQueue(definition.queue, { ...policy, policy: definition.policy ?? 'standard' }));
  }

  /** Two instances starting together may both create a queue: the second finds it made. */
  private async tolerateRace(creating: Promise<void>): Promise<void> {
    try {
      await creating;
    } catch (error) {
      if (!/already exists|duplicate key/i.test((error as Error).message)) throw error;
    }
  }

  private async work(boss: PgBoss, definition: JobDefinition): Promise<void> {
    const batchSize = definition.batchSize ?? 1;
    await boss.work<object>(
      definition.queue,
      {
        batchSize,
        localConcurrency: definition.localConcurrency ?? 1,
        pollingIntervalSeconds: definition.pollingSeconds ?? this.config.pollingSeconds,
        // NOTIFY wakes a worker for a new job; retries and delayed jobs are found by the same polling.
        notifyPollingIntervalSeconds: definition.pollingSeconds ?? this.config.pollingSeconds,
        // While fetches come back full there is more waiting: fetch again at once.
        ...(batchSize > 1 && { burstWhenBatchFull: true }),
        perJobResults: true,
      },
      async (jobs: JobWithMetadata<object>[] | { id: string; data: object; retryCount: number }[]): Promise<JobResult[]> =>
        Promise.all(
          jobs.map(async (job): Promise<JobResult> => {
            try {
              const output = await definition.handler({ id: job.id, data: job.data, retryCount: job.retryCount });
              return { id: job.id, status: 'completed', ...(output && { output }) };
            } catch (error) {
              const message = error instanceof Error ? error.message : String(error);
              this.logger.warn(`Job ${definition.queue} ${job.id} failed: ${message}`);
              return { id: job.id, status: 'failed', output: { name: error instanceof Error ? error.name : 'Error', message } };
            }
          }),
        ),
    );
  }
}
