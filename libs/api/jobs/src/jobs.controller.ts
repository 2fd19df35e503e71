import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { idOf } from '@advisordesk/api-core';
import { rolesThatCanWrite, type FailedJobView, type JobQueueView } from '@advisordesk/shared';
import { Roles } from '@advisordesk/api-auth';
import { JobErrors } from './jobs.errors';
import { FailedJobsQuery } from './jobs.dto';
import { JobsAdminService } from './jobs-admin.service';

const jobId = idOf(JobErrors.jobNotFound);

/** Background jobs for admins: each queue's counts and policy, failed jobs with their errors, retrying one. */
@ApiTags('jobs')
@ApiBearerAuth()
@Roles(...rolesThatCanWrite('jobs'))
@Controller('jobs')
export class JobsController {
  constructor(private readonly admin: JobsAdminService) {}

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
