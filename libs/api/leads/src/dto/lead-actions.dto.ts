import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsNotEmpty, IsObject, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { IsVersion, Optional } from '@advisordesk/api-core';
import {
  CALL_OUTCOMES,
  CONSENT_CHANNELS,
  FOLLOW_UP_OUTCOMES,
  LEAD_STATUSES,
  LOST_REASONS,
  NOTE_MAX_LENGTH,
  type AssignBody,
  type AssignmentSettings,
  type CallBody,
  type CallOutcome,
  type ConsentChannel,
  type CreateTaskBody,
  type FollowUpOutcome,
  type NextFollowUpBody,
  type LeadStatus,
  type LostReason,
  type NoteBody,
  type RecordConsentBody,
  type StatusChangeBody,
  type UpdateTaskBody,
} from '@advisordesk/shared';

export class ChangeStatusDto implements StatusChangeBody {
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

  @IsVersion()
  version: number;
}

export class AssignDto implements AssignBody {
  @ApiProperty()
  @IsUUID('all', { message: 'advisorId must be a user id' })
  advisorId: string;
}

export class NoteDto implements NoteBody {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'text is required' })
  @MaxLength(NOTE_MAX_LENGTH)
  text: string;
}

/** The follow-up to schedule when one is closed. */
export class NextFollowUpDto implements NextFollowUpBody {
  @ApiProperty({ example: '2026-12-01T10:30:00+05:30' })
  @IsDateString({ strict: true }, { message: 'next.dueAt must be an ISO 8601 time, e.g. 2026-12-01T10:30:00+05:30' })
  dueAt: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsNotEmpty({ message: 'next.title must not be empty' })
  @MaxLength(200)
  title?: string;
}

/** An optional `next` follow-up, validated as a nested `NextFollowUpDto` (a call and a completed follow-up both take one). */
const NextFollowUpField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ type: NextFollowUpDto, description }),
    Optional(),
    IsObject({ message: 'next must be an object: {dueAt, title?}' }),
    ValidateNested(),
    Type(() => NextFollowUpDto),
  );

export class CallDto implements CallBody {
  @ApiProperty({ enum: CALL_OUTCOMES })
  @IsIn(CALL_OUTCOMES, { message: `outcome must be one of: ${CALL_OUTCOMES.join(', ')}` })
  outcome: CallOutcome;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  note?: string;

  @NextFollowUpField('the follow-up to schedule next (in the same transaction)')
  next?: NextFollowUpDto;
}

export class WhatsappLogDto implements NoteBody {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'text is required' })
  @MaxLength(NOTE_MAX_LENGTH)
  text: string;
}

export class AssignmentSettingsDto implements AssignmentSettings {
  @ApiProperty()
  @IsBoolean({ message: 'autoAssign must be true or false' })
  autoAssign: boolean;
}

export class CreateTaskDto implements CreateTaskBody {
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

/** A new time or title, or done (each may be left out, none may be null). */
export class UpdateTaskDto
  extends PartialType(PickType(CreateTaskDto, ['dueAt', 'title'] as const), { skipNullProperties: false })
  implements UpdateTaskBody
{
  @ApiPropertyOptional({ description: 'true marks it done, false reopens it' })
  @Optional()
  @IsBoolean({ message: 'done must be true or false' })
  done?: boolean;

  @ApiPropertyOptional({ enum: FOLLOW_UP_OUTCOMES, description: 'how it ended (with done: true; default done)' })
  @Optional()
  @IsIn(FOLLOW_UP_OUTCOMES, { message: `outcome must be one of: ${FOLLOW_UP_OUTCOMES.join(', ')}` })
  outcome?: FollowUpOutcome;

  @ApiPropertyOptional({ description: 'a note for the timeline (with done: true)' })
  @Optional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  note?: string;

  @NextFollowUpField('the follow-up to schedule next (with done: true, in the same transaction)')
  next?: NextFollowUpDto;
}

/** `POST /api/leads/:id/consent`: at least one of whatsapp / marketing (checked by the service, naming `whatsapp`). */
export class RecordConsentDto implements RecordConsentBody {
  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'whatsapp must be true or false' })
  whatsapp?: boolean;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'marketing must be true or false' })
  marketing?: boolean;

  @ApiProperty({ enum: CONSENT_CHANNELS })
  @IsIn(CONSENT_CHANNELS, { message: `channel must be one of: ${CONSENT_CHANNELS.join(', ')}` })
  channel: ConsentChannel;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  note?: string;

  @IsVersion()
  version: number;
}
