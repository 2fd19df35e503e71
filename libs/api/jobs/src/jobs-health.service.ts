import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AppError, queryMaybeOne } from '@advisordesk/api-core';
import type { JobCheckView, JobsHealthView } from '@advisordesk/shared';
import { JobErrors } from './jobs.errors';
import { JOBS_SCHEMA, JobsService } from './jobs.service';

export const HEARTBEAT_QUEUE = 'jobs.heartbeat';
export const CHECK_QUEUE = 'jobs.check';

/** This process, as the admin and the logs name it. */
export const INSTANCE_NAME = `${hostname()}:${process.pid}`;

/**
 * Is anyone working jobs? A heartbeat job every minute (sent once per minute whatever the number
 * of instances) says which instance worked it last; a check job, run by an admin, holds a worker
 * for a few seconds and says which instance completed it (after a retry, if the first one died).
 */
@Injectable()
export class JobsHealthService implements OnModuleInit {
  private readonly logger = new Logger('Jobs');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.define({
      queue: HEARTBEAT_QUEUE,
      handler: async () => ({ workedBy: INSTANCE_NAME }),
      retryLimit: 0,
      deadLetter: false,
      expireInSeconds: 60,
      schedule: { cron: '* * * * *' },
    });
    this.jobs.define<{ holdSeconds: number }>({
      queue: CHECK_QUEUE,
      handler: async ({ id, data, retryCount }) => {
        this.logger.log(`check job ${id} started on ${INSTANCE_NAME} (try ${retryCount + 1})`);
        await sleep(data.holdSeconds * 1000);
        this.logger.log(`check job ${id} completed on ${INSTANCE_NAME}`);
        return { workedBy: INSTANCE_NAME };
      },
      retryLimit: 2,
      retryDelaySeconds: 1,
      retryBackoff: false,
    });
  }

  /** Sends a check job; its run expires a few seconds after its hold, so a dead worker's job is retried soon. */
  async runCheck(holdSeconds: number): Promise<{ id: string }> {
    const id = await this.jobs.send(CHECK_QUEUE, { holdSeconds }, { expireInSeconds: holdSeconds + 5 });
    if (!id) throw new Error('the check job was not queued');
    return { id };
  }

  async check(id: string): Promise<JobCheckView<Date>> {
    const job = await queryMaybeOne<JobCheckView<Date>>(
      this.dataSource,
      `SELECT id, state::text AS state, retry_count AS "retryCount", created_on AS "createdAt", started_on AS "startedAt",
              completed_on AS "completedAt", CASE WHEN state = 'completed' THEN output->>'workedBy' END AS "workedBy"
         FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND id = $2`,
      [CHECK_QUEUE, id],
    );
    if (!job) throw new AppError(JobErrors.checkNotFound);
    return job;
  }

  async health(): Promise<JobsHealthView<Date>> {
    const last = await queryMaybeOne<{ at: Date; workedBy: string | null }>(
      this.dataSource,
      `SELECT completed_on AS at, output->>'workedBy' AS "workedBy" FROM ${JOBS_SCHEMA}.job
        WHERE name = $1 AND state = 'completed' ORDER BY completed_on DESC LIMIT 1`,
      [HEARTBEAT_QUEUE],
    );
    return { lastHeartbeatAt: last?.at ?? null, workedBy: last?.workedBy ?? null };
  }
}
