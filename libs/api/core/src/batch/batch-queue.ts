export interface BatchQueueOptions<In, Out> {
  /** Runs one batch; answers one result per item, in the same order. */
  run: (items: In[]) => Promise<Out[]>;
  /** The most items one batch takes. */
  maxBatch: number;
  /** Items with the same key never share a batch: a later one waits for the next batch, in order. */
  key?: (item: In) => string;
  /** When a batch fails, each of its items is run again alone, so one bad item fails alone. */
  retryAlone?: boolean;
  /** How many batches may run at once (default 1). */
  concurrency?: number;
}

interface Waiting<In, Out> {
  item: In;
  resolve: (value: Out) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit in the process: work submitted while batches are running is taken together by the
 * next one, so under load many requests share one transaction (one commit, one round of
 * statements), and a lone request runs at once. At most `concurrency` batches run at a time.
 * `idle()` resolves when nothing is queued or running.
 */
export class BatchQueue<In, Out> {
  private queue: Waiting<In, Out>[] = [];
  private readonly runners = new Set<Promise<void>>();

  constructor(private readonly options: BatchQueueOptions<In, Out>) {}

  submit(item: In): Promise<Out> {
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.runners.size < (this.options.concurrency ?? 1)) {
        const runner: Promise<void> = this.drain().finally(() => this.runners.delete(runner));
        this.runners.add(runner);
      }
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  async idle(): Promise<void> {
    while (this.runners.size) await Promise.all(this.runners);
  }

  private async drain() {
    while (this.queue.length) {
      const batch = this.take();
      try {
        const results = await this.options.run(batch.map((w) => w.item));
        batch.forEach((waiting, i) => waiting.resolve(results[i]));
      } catch (error) {
        if (!this.options.retryAlone || batch.length === 1) {
          for (const waiting of batch) waiting.reject(error);
          continue;
        }
        for (const waiting of batch) {
          try {
            waiting.resolve((await this.options.run([waiting.item]))[0]);
          } catch (alone) {
            waiting.reject(alone);
          }
        }
      }
    }
  }

  private take(): Waiting<In, Out>[] {
    const { key, maxBatch } = this.options;
    if (!key) return this.queue.splice(0, maxBatch);
    const batch: Waiting<In, Out>[] = [];
    const rest: Waiting<In, Out>[] = [];
    const keys = new Set<string>();
    for (const waiting of this.queue) {
      const k = key(waiting.item);
      if (batch.length < maxBatch && !keys.has(k)) {
        keys.add(k);
        batch.push(waiting);
      } else rest.push(waiting);
    }
    this.queue = rest;
    return batch;
  }
}
