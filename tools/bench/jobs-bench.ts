/**
 * Background jobs, measured on the bench database (pg-boss in the `pgboss` schema our migrations
 * create): the throughput of a no-op job (10,000 sent in batches, worked in batches until all are
 * done) and the pick-up latency of jobs sent one at a time at a steady rate (send → handler start).
 */
import { PgBoss } from 'pg-boss';

export interface JobsFigures {
  jobs: number;
  jobsPerSecond: number;
  latencyJobs: number;
  p50Ms: number;
  p95Ms: number;
}

const THROUGHPUT_QUEUE = 'bench.noop';
const LATENCY_QUEUE = 'bench.pickup';

export async function benchJobs(
  databaseUrl: string,
  options: { jobs?: number; latencyJobs?: number; ratePerSecond?: number } = {},
): Promise<JobsFigures> {
  const total = options.jobs ?? 10_000;
  const latencyJobs = options.latencyJobs ?? 200;
  const rate = options.ratePerSecond ?? 20;
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: 'pgboss',
    migrate: false,
    createSchema: false,
    schedule: false,
    supervise: false,
    useListenNotify: true,
    max: 10,
  });
  boss.on('error', (error: Error) => console.warn(`pg-boss: ${error.message}`));
  await boss.start();
  try {
    for (const name of [THROUGHPUT_QUEUE, LATENCY_QUEUE]) if (await boss.getQueue(name)) await boss.deleteQueue(name);
    await boss.createQueue(THROUGHPUT_QUEUE, { retryLimit: 0 });
    await boss.createQueue(LATENCY_QUEUE, { retryLimit: 0, notify: true });

    // Throughput: everything queued first, then worked by four workers fetching 100 at a time.
    for (let sent = 0; sent < total; sent += 1_000) {
      await boss.insert(
        THROUGHPUT_QUEUE,
        Array.from({ length: Math.min(1_000, total - sent) }, (_, i) => ({ data: { n: sent + i } })),
      );
    }
    let done = 0;
    let finished!: () => void;
    const allDone = new Promise<void>((resolve) => (finished = resolve));
    const start = process.hrtime.bigint();
    await boss.work(
      THROUGHPUT_QUEUE,
      { batchSize: 100, localConcurrency: 4, pollingIntervalSeconds: 0.5, burstWhenBatchFull: true },
      async (jobs) => {
        done += jobs.length;
        if (done >= total) finished();
      },
    );
    await allDone;
    // Done means completed in the table, not just handled: the last batch is completed after its handler returns.
    const db = boss.getDb();
    const completed = async () =>
      Number(
        (await db.executeSql(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND state = 'completed'`, [THROUGHPUT_QUEUE])).rows[0].n,
      );
    while ((await completed()) < total) await new Promise((resolve) => setTimeout(resolve, 20));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    await boss.offWork(THROUGHPUT_QUEUE);

    // Pick-up latency: one job at a time at a steady rate, woken by NOTIFY (polling is the floor).
    const latencies: number[] = [];
    await boss.work<{ sentAt: number }>(LATENCY_QUEUE, { pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: 2 }, async ([job]) => {
      latencies.push(Date.now() - job.data.sentAt);
    });
    for (let i = 0; i < latencyJobs; i++) {
      await boss.send(LATENCY_QUEUE, { sentAt: Date.now() });
      await new Promise((resolve) => setTimeout(resolve, 1000 / rate));
    }
    const deadline = Date.now() + 30_000;
    while (latencies.length < latencyJobs && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const sorted = [...latencies].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
    for (const name of [THROUGHPUT_QUEUE, LATENCY_QUEUE]) {
      await boss.offWork(name);
      await boss.deleteQueue(name);
    }
    return { jobs: total, jobsPerSecond: total / seconds, latencyJobs: latencies.length, p50Ms: at(50), p95Ms: at(95) };
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}

/** `node -r @swc-node/register tools/bench/jobs-bench.ts`: the jobs figures alone, on DATABASE_URL. */
if (require.main === module) {
  benchJobs(process.env.DATABASE_URL ?? '')
    .then((f) => console.log(f))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
