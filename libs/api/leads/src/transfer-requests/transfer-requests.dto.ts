import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Optional } from '@advisordesk/api-core';
import { NOTE_MAX_LENGTH, type TransferDecisionBody, type TransferRequestBody } from '@advisordesk/shared';

export class TransferRequestDto implements TransferRequestBody {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  note?: string;
}

export class TransferDecisionDto implements TransferDecisionBody {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  note?: string;
}
