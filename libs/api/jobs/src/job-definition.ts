/** What a job's handler is given: its id, its data, and how many times it was retried so far. */
export interface JobContext<T> {
  id: string;
  data: T;
  retryCount: number;
}

/**
 * A queue an area owns: its handler and policy. The area declares it with `JobsService.define`
 * (in its service's `onModuleInit`); the queue is created at start and worked once the app is up.
 */
export interface JobDefinition<T extends object = object> {
  /** Letters, digits, dots and dashes: `search-index.merge`. */
  queue: string;
  /** Runs the job; what it answers (if anything) is kept as the job's output. */
  handler: (job: JobContext<T>) => Promise<void | Record<string, unknown>>;
  /** Retries after the first failure (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry (default 10); doubled at each retry when `retryBackoff` (default true). */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** Longest wait between retries with backoff (default one hour). */
  retryDelayMaxSeconds?: number;
  /** Copy a job that used up its retries to `<queue>.dead-letter` (default true). */
  deadLetter?: boolean;
  /** Seconds a run may take before it counts as failed and is retried (default 15 minutes). */
  expireInSeconds?: number;
  /**
   * `standard`; `singleton` (one job of the queue runs at a time, across instances); `stately`
   * (at most one waiting and one running: a repeated send while one waits is dropped).
   */
  policy?: 'standard' | 'singleton' | 'stately';
  /** Workers on this instance (default 1). */
  localConcurrency?: number;
  /** Jobs each worker fetches at once (default 1). */
  batchSize?: number;
  /** Seconds between fetches when the queue was empty (default `JOBS_POLLING_SECONDS`). */
  pollingSeconds?: number;
  /** Sends a job on this cron, in India time unless `tz` says otherwise; one instance sends each occurrence. */
  schedule?: { cron: string; tz?: string; data?: T };
}

export const DEAD_LETTER_SUFFIX = '.dead-letter';
export const deadLetterQueue = (queue: string) => `${queue}${DEAD_LETTER_SUFFIX}`;
