import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDateString, IsIn, IsInt, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { Optional } from '@advisordesk/api-core';
import {
  BULK_ACTIONS,
  BULK_MAX_LEADS,
  LEAD_STATUSES,
  LOST_REASONS,
  NOTE_MAX_LENGTH,
  type BulkAction,
  type BulkActionBody,
  type LeadStatus,
  type LostReason,
} from '@advisordesk/shared';

/** `POST /api/leads/bulk`; which fields go with which action is checked by `checkBulkRequest`. */
export class BulkActionDto implements BulkActionBody {
  @ApiPropertyOptional({ type: [String], description: `the selected leads (at most ${BULK_MAX_LEADS}); or filter` })
  @Optional()
  @IsArray({ message: 'ids must be a list of lead ids' })
  @ArrayMinSize(1, { message: 'ids must name at least one lead' })
  @ArrayMaxSize(BULK_MAX_LEADS, { message: `ids may name at most ${BULK_MAX_LEADS} leads` })
  @ArrayUnique({ message: 'ids must not repeat' })
  @IsUUID('all', { each: true, message: 'ids must be lead ids' })
  ids?: string[];

  @ApiPropertyOptional({ description: "the lead list's query string, e.g. status=new&source=website: every lead it matches; or ids" })
  @Optional()
  @IsString()
  @MaxLength(4000)
  filter?: string;

  @ApiPropertyOptional({
    type: [Number],
    description: 'the version of each lead as seen, in the order of ids: a lead changed since is skipped (stale)',
  })
  @Optional()
  @IsArray({ message: 'versions must be a list of whole numbers' })
  @IsInt({ each: true, message: 'versions must be whole numbers' })
  @Min(1, { each: true, message: 'versions must be whole numbers from 1' })
  versions?: number[];

  @ApiProperty({ enum: BULK_ACTIONS })
  @IsIn(BULK_ACTIONS, { message: `action must be one of: ${BULK_ACTIONS.join(', ')}` })
  action: BulkAction;

  @ApiPropertyOptional({ description: 'assign: the advisor' })
  @Optional()
  @IsUUID('all', { message: 'advisorId must be a user id' })
  advisorId?: string;

  @ApiPropertyOptional({ enum: LEAD_STATUSES, description: 'status: the new status' })
  @Optional()
  @IsIn(LEAD_STATUSES, { message: `status must be one of: ${LEAD_STATUSES.join(', ')}` })
  status?: LeadStatus;

  @ApiPropertyOptional({ enum: LOST_REASONS, description: 'status lost: why' })
  @Optional()
  @IsIn(LOST_REASONS, { message: `lostReason must be one of: ${LOST_REASONS.join(', ')}` })
  lostReason?: LostReason;

  @ApiPropertyOptional({ description: 'status: a note on each status change' })
  @Optional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  note?: string;

  @ApiPropertyOptional({ example: '2026-12-01T10:30:00+05:30', description: 'followUp: when' })
  @Optional()
  @IsDateString({ strict: true }, { message: 'dueAt must be an ISO 8601 time, e.g. 2026-12-01T10:30:00+05:30' })
  dueAt?: string;

  @ApiPropertyOptional({ description: "note: the note; followUp: the follow-up's title" })
  @Optional()
  @IsString()
  @MaxLength(NOTE_MAX_LENGTH)
  text?: string;
}
