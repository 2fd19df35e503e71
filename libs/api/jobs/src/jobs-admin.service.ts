import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError, queryOne, queryRows } from '@advisordesk/api-core';
import { FAILED_JOBS_PAGE_SIZE, isSafeJobDataKey, type FailedJobView, type JobQueueView } from '@advisordesk/shared';
import { deadLetterQueue } from './job-definition';
import { JobErrors } from './jobs.errors';
import { JOBS_SCHEMA, JobsService } from './jobs.service';

/** The admins' view of the queues: counts read from pg-boss's job table, failed jobs, a retry. */
@Injectable()
export class JobsAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jobs: JobsService,
  ) {}

  async queues(): Promise<JobQueueView[]> {
    const definitions = this.jobs.queues();
    const names = definitions.flatMap((d) => [d.queue, deadLetterQueue(d.queue)]);
    const counts = await queryRows<{ name: string; state: string; n: number }>(
      this.dataSource,
      `SELECT name, state::text AS state, count(*)::int AS n FROM ${JOBS_SCHEMA}.job WHERE name = ANY($1) GROUP BY name, state`,
      [names],
    );
    const count = (name: string, ...states: string[]) =>
      counts.filter((c) => c.name === name && states.includes(c.state)).reduce((sum, c) => sum + c.n, 0);
    return definitions.map((d) => {
      const deadLetter = d.deadLetter === false ? null : deadLetterQueue(d.queue);
      return {
        name: d.queue,
        queued: count(d.queue, 'created', 'retry'),
        active: count(d.queue, 'active'),
        completed: count(d.queue, 'completed'),
        failed: count(d.queue, 'failed'),
        deadLettered: deadLetter ? count(deadLetter, 'created', 'retry', 'active', 'failed') : 0,
        retryLimit: d.retryLimit ?? 3,
        retryDelaySeconds: d.retryDelaySeconds ?? 10,
        retryBackoff: d.retryBackoff ?? true,
        deadLetter,
        schedule: d.schedule ? d.schedule.cron : null,
      };
    });
  }

  /** Failed jobs, newest first, a page at a time; `total` for the pager. */
  async failed(queue: string | undefined, page = 1): Promise<{ items: FailedJobView[]; total: number }> {
    if (queue !== undefined && !this.jobs.definition(queue)) throw new AppError(JobErrors.queueNotFound);
    const names = queue ? [queue] : this.jobs.queues().map((d) => d.queue);
    const { total } = await queryOne<{ total: number }>(
      this.dataSource,
      `SELECT count(*)::int AS total FROM ${JOBS_SCHEMA}.job WHERE state = 'failed' AND name = ANY($1)`,
      [names],
    );
    const rows = await queryRows<{ id: string; queue: string; retry_count: number; output: unknown; failed_at: Date; data: unknown }>(
      this.dataSource,
      `SELECT id, name AS queue, retry_count, output, completed_on AS failed_at, data
         FROM ${JOBS_SCHEMA}.job
        WHERE state = 'failed' AND name = ANY($1)
        ORDER BY completed_on DESC, id
        LIMIT $2 OFFSET $3`,
      [names, FAILED_JOBS_PAGE_SIZE, (page - 1) * FAILED_JOBS_PAGE_SIZE],
    );
    return {
      total,
      items: rows.map((row) => ({
        id: row.id,
        queue: row.queue,
        attempts: row.retry_count + 1,
        error: errorMessage(row.output),
        failedAt: row.failed_at.toISOString(),
        summary: safeSummary(row.data),
      })),
    };
  }

  async retry(queue: string, id: string): Promise<void> {
    if (!this.jobs.definition(queue)) throw new AppError(JobErrors.queueNotFound);
    if (!(await this.jobs.retry(queue, id))) throw new AppError(JobErrors.jobNotFound);
  }
}

/** pg-boss keeps what a failed run threw (or the expiry it hit) as the job's output. */
function errorMessage(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output && typeof output.message === 'string') return output.message;
  if (typeof output === 'string') return output;
  return output == null ? 'Failed without a message' : JSON.stringify(output).slice(0, 500);
}

/** A job's ids only: names, phones and messages never reach the screen. */
export function safeSummary(data: unknown): Record<string, string | number> {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const summary: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!isSafeJobDataKey(key)) continue;
    if (typeof value === 'string' || typeof value === 'number') summary[key] = typeof value === 'string' ? value.slice(0, 64) : value;
    else if (Array.isArray(value)) summary[key] = value.filter((v) => typeof v === 'string' || typeof v === 'number').length + ' ids';
  }
  return summary;
}
