import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '@advisordesk/api-core';
import { JOB_CHECK_MAX_HOLD_SECONDS, type RunJobCheckBody } from '@advisordesk/shared';

export class FailedJobsQuery {
  @ApiPropertyOptional({ description: 'Only this queue' })
  @Optional()
  @IsString({ message: 'queue must be a queue name' })
  @MaxLength(100, { message: 'queue must be a queue name' })
  queue?: string;

  @ApiPropertyOptional({ description: 'Page, from 1', minimum: 1 })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: 'page must be a whole number from 1' })
  @Min(1, { message: 'page must be a whole number from 1' })
  @Max(10_000, { message: 'page must be a whole number from 1' })
  page?: number;
}

/** `POST /api/jobs/checks`. */
export class RunJobCheckDto implements RunJobCheckBody {
  @ApiPropertyOptional({ description: 'Seconds the job holds its worker (default 0)', minimum: 0, maximum: JOB_CHECK_MAX_HOLD_SECONDS })
  @Optional()
  @IsInt({ message: `holdSeconds must be a whole number from 0 to ${JOB_CHECK_MAX_HOLD_SECONDS}` })
  @Min(0, { message: `holdSeconds must be a whole number from 0 to ${JOB_CHECK_MAX_HOLD_SECONDS}` })
  @Max(JOB_CHECK_MAX_HOLD_SECONDS, { message: `holdSeconds must be a whole number from 0 to ${JOB_CHECK_MAX_HOLD_SECONDS}` })
  holdSeconds?: number;
}
