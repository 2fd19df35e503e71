import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { Optional } from '@advisordesk/api-core';
import { REASSIGN_BY_RULE } from '@advisordesk/shared';

export class DeactivateUserQuery {
  @ApiPropertyOptional({ description: `An active advisor's id, or "${REASSIGN_BY_RULE}" to spread by the assignment rule` })
  @Optional()
  @IsString()
  @Matches(new RegExp(`^(${REASSIGN_BY_RULE}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`, 'i'), {
    message: `reassignTo must be an advisor's id or "${REASSIGN_BY_RULE}"`,
  })
  reassignTo?: string;
}
