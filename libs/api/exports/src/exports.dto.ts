import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Optional } from '@advisordesk/api-core';
import { MY_EXPORTS_MAX } from '@advisordesk/shared';

export class MyExportsQuery {
  @ApiPropertyOptional({ description: 'How many of the latest exports', minimum: 1, maximum: MY_EXPORTS_MAX })
  @Optional()
  @Type(() => Number)
  @IsInt({ message: `_end must be a whole number from 1 to ${MY_EXPORTS_MAX}` })
  @Min(1, { message: `_end must be a whole number from 1 to ${MY_EXPORTS_MAX}` })
  @Max(MY_EXPORTS_MAX, { message: `_end must be a whole number from 1 to ${MY_EXPORTS_MAX}` })
  _end?: number;
}
