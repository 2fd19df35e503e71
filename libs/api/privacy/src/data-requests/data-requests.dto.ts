import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsString, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { IsMobilePhone, Optional } from '@advisordesk/api-core';
import {
  DATA_REQUEST_KINDS,
  DATA_REQUEST_MESSAGE_MAX_LENGTH,
  DATA_REQUEST_NOTE_MAX_LENGTH,
  DATA_REQUEST_OUTCOMES,
  VERIFICATION_CODE_LENGTH,
  type DataRequestBody,
  type DataRequestKind,
  type DataRequestOutcome,
  type ResolveDataRequestBody,
  type StaffVerifyDataRequestBody,
} from '@advisordesk/shared';

export class NomineeDto {
  @ApiProperty()
  @IsString({ message: 'nominee.name must be text' })
  @MinLength(2, { message: 'nominee.name must be at least 2 characters' })
  @MaxLength(120, { message: 'nominee.name must be at most 120 characters' })
  name: string;

  @ApiProperty()
  @IsString({ message: 'nominee.phone must be text' })
  @IsMobilePhone({ message: 'nominee.phone must be a valid mobile number' })
  phone: string;
}

/** `POST /api/public/data-requests`. */
export class CreateDataRequestDto implements DataRequestBody {
  @ApiProperty({ example: '98765 43210', description: 'the mobile number the person gave us' })
  @IsString({ message: 'phone must be text' })
  @IsMobilePhone({ message: 'phone must be a valid mobile number' })
  phone: string;

  @ApiProperty({ enum: DATA_REQUEST_KINDS })
  @IsIn(DATA_REQUEST_KINDS, { message: `kind must be one of ${DATA_REQUEST_KINDS.join(', ')}` })
  kind: DataRequestKind;

  @ApiPropertyOptional({ maxLength: DATA_REQUEST_MESSAGE_MAX_LENGTH })
  @Optional()
  @IsString({ message: 'message must be text' })
  @MaxLength(DATA_REQUEST_MESSAGE_MAX_LENGTH, { message: `message must be at most ${DATA_REQUEST_MESSAGE_MAX_LENGTH} characters` })
  message?: string;

  @ApiPropertyOptional({ type: NomineeDto, description: 'required when kind is nomination' })
  @ValidateIf((body: CreateDataRequestDto) => body.kind === 'nomination' || body.nominee !== undefined)
  @IsObject({ message: 'nominee is required for a nomination: {name, phone}' })
  @ValidateNested()
  @Type(() => NomineeDto)
  nominee?: NomineeDto;
}

export class VerifyDataRequestDto {
  @ApiProperty({ example: '123456' })
  @IsString({ message: 'code must be text' })
  @Matches(new RegExp(`^\\s*\\d{${VERIFICATION_CODE_LENGTH}}\\s*$`), { message: `code must be the ${VERIFICATION_CODE_LENGTH} digits we sent` })
  code: string;
}

export class StaffVerifyDataRequestDto implements StaffVerifyDataRequestBody {
  @ApiProperty({ description: 'how the person was confirmed (the call)' })
  @IsString({ message: 'note must be text' })
  @IsNotEmpty({ message: 'note is required: say how you confirmed it is them' })
  @MaxLength(DATA_REQUEST_NOTE_MAX_LENGTH, { message: `note must be at most ${DATA_REQUEST_NOTE_MAX_LENGTH} characters` })
  note: string;
}

export class ResolveDataRequestDto implements ResolveDataRequestBody {
  @ApiProperty({ enum: DATA_REQUEST_OUTCOMES })
  @IsIn(DATA_REQUEST_OUTCOMES, { message: `outcome must be one of ${DATA_REQUEST_OUTCOMES.join(', ')}` })
  outcome: DataRequestOutcome;

  @ApiProperty()
  @IsString({ message: 'note must be text' })
  @IsNotEmpty({ message: 'note is required: what was done, or why it was refused' })
  @MaxLength(DATA_REQUEST_NOTE_MAX_LENGTH, { message: `note must be at most ${DATA_REQUEST_NOTE_MAX_LENGTH} characters` })
  note: string;
}
