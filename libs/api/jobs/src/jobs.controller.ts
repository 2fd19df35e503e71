import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { idOf } from '@advisordesk/api-core';
import { rolesThatCanWrite, type FailedJobView, type JobCheckView, type JobQueueView, type JobsHealthView } from '@advisordesk/shared';
import { Roles } from '@advisordesk/api-auth';
import { JobErrors } from './jobs.errors';
import { FailedJobsQuery, RunJobCheckDto } from './jobs.dto';
import { JobsHealthService } from './jobs-health.service';
import { JobsAdminService } from './jobs-admin.service';

const jobId = idOf(JobErrors.jobNotFound);
const checkId = idOf(JobErrors.checkNotFound);

/** Background jobs for admins: each queue's counts and policy, failed jobs with their errors, retrying one. */
@ApiTags('jobs')
@ApiBearerAuth()
@Roles(...rolesThatCanWrite('jobs'))
@Controller('jobs')
export class JobsController {
  constructor(
    private readonly admin: JobsAdminService,
    private readonly health: JobsHealthService,
  ) {}

  /** When an instance last worked the minutely heartbeat job, and which. */
  @Get('health')
  heartbeat(): Promise<JobsHealthView<Date>> {
    return this.health.health();
  }

  /** Sends a check job that holds a worker `holdSeconds`, then says which instance completed it. */
  @Post('checks')
  @HttpCode(202)
  runCheck(@Body() body: RunJobCheckDto): Promise<{ id: string }> {
    return this.health.runCheck(body.holdSeconds ?? 0);
  }

  @Get('checks/:id')
  check(@Param('id', checkId) id: string): Promise<JobCheckView<Date>> {
    return this.health.check(id);
  }

  @Get('queues')
  queues(): Promise<JobQueueView[]> {
    return this.admin.queues();
  }

  /** Failed jobs, newest first, 20 a page; `x-total-count` tells how many there are. */
  @Get('failed')
  async failed(@Query() query: FailedJobsQuery, @Res({ passthrough: true }) response: Response): Promise<FailedJobView[]> {
    const { items, total } = await this.admin.failed(query.queue, query.page);
    response.setHeader('x-total-count', String(total));
    return items;
  }

  /** Runs a failed job again (its retries start over); 404 when the queue holds no such failed job. */
  @Post(':queue/:id/retry')
  @HttpCode(204)
  async retry(@Param('queue') queue: string, @Param('id', jobId) id: string): Promise<void> {
    await this.admin.retry(queue, id);
  }
}
