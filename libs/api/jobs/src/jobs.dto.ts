import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Optional } from '@advisordesk/api-core';

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
