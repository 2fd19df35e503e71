import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsDateString, IsIn, IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Optional } from '@advisordesk/api-core';
import { CALL_OUTCOMES, LEAD_STATUSES, LOST_REASONS, NOTE_MAX_LENGTH, type CallOutcome, type LeadStatus, type LostReason } from '@advisordesk/shared';

export class ChangeStatusDto {
  @ApiProperty({ enum: LEAD_STATUSES })
  @IsIn(LEAD_STATUSES, { message: `status must be one of: ${LEAD_STATUSES.join(', ')}` })
  status: LeadStatus;

  @ApiPropertyOptional({ enum: LOST_REASONS })
  @Optional()
  @IsIn(LOST_REASONS, { message: `lostReason must be one of: ${LOST_REASONS.join(', ')}` })
  lostReason?: LostReason;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  note?: string;

  @ApiProperty({ description: 'the version you last read; a stale one answers 409' })
  @IsInt({ message: 'version must be a whole number (the version you last read)' })
  @Min(1)
  version: number;
}

export class AssignDto {
  @ApiProperty()
  @IsUUID('all', { message: 'advisorId must be a user id' })
  advisorId: string;
}

export class NoteDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'text is required' })
  @MaxLength(NOTE_MAX_LENGTH)
  text: string;
}

export class CallDto {
  @ApiProperty({ enum: CALL_OUTCOMES })
  @IsIn(CALL_OUTCOMES, { message: `outcome must be one of: ${CALL_OUTCOMES.join(', ')}` })
  outcome: CallOutcome;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  note?: string;
}

export class WhatsappLogDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'text is required' })
  @MaxLength(NOTE_MAX_LENGTH)
  text: string;
}

export class AssignmentSettingsDto {
  @ApiProperty()
  @IsBoolean({ message: 'autoAssign must be true or false' })
  autoAssign: boolean;
}

export class CreateTaskDto {
  @ApiProperty()
  @IsUUID('all', { message: 'leadId must be a lead id' })
  leadId: string;

  @ApiProperty({ example: '2026-12-01T10:30:00+05:30' })
  @IsDateString({ strict: true }, { message: 'dueAt must be an ISO 8601 time, e.g. 2026-12-01T10:30:00+05:30' })
  dueAt: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title?: string;
}

export class UpdateTaskDto {
  @ApiPropertyOptional()
  @Optional()
  @IsDateString({ strict: true }, { message: 'dueAt must be an ISO 8601 time' })
  dueAt?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ description: 'true marks it done, false reopens it' })
  @Optional()
  @IsBoolean({ message: 'done must be true or false' })
  done?: boolean;
}
