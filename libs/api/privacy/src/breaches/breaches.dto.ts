import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsDateString, IsIn, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsVersion, Optional } from '@advisordesk/api-core';
import { BREACH_LIMITS, BREACH_MAX_LEAD_IDS, BREACH_STATUSES, DAY_PATTERN, type BreachBody, type BreachStatus } from '@advisordesk/shared';

const NOT_BLANK = /\S/;

/** `POST /api/breaches`: what happened, when it became known, and whose data (lead ids, a created period, or both). */
export class CreateBreachDto implements BreachBody {
  @ApiProperty({ description: 'when the breach became known, ISO 8601, e.g. 2026-12-01T10:30:00+05:30; not in the future' })
  @IsDateString({ strict: true }, { message: 'discoveredAt must be an ISO 8601 time, e.g. 2026-12-01T10:30:00+05:30' })
  discoveredAt: string;

  @ApiProperty({ maxLength: BREACH_LIMITS.description, description: 'what happened: its nature and extent' })
  @IsString({ message: 'description must be text' })
  @Matches(NOT_BLANK, { message: 'description must not be empty' })
  @MaxLength(BREACH_LIMITS.description, { message: `description is too long (at most ${BREACH_LIMITS.description} characters)` })
  description: string;

  @ApiProperty({ maxLength: BREACH_LIMITS.dataConcerned, description: 'the personal data concerned, e.g. names, phones, marks sheets' })
  @IsString({ message: 'dataConcerned must be text' })
  @Matches(NOT_BLANK, { message: 'dataConcerned must not be empty' })
  @MaxLength(BREACH_LIMITS.dataConcerned, { message: `dataConcerned is too long (at most ${BREACH_LIMITS.dataConcerned} characters)` })
  dataConcerned: string;

  @ApiProperty({ maxLength: BREACH_LIMITS.measures, description: 'what was done to contain it; what people can do to protect themselves' })
  @IsString({ message: 'measures must be text' })
  @MaxLength(BREACH_LIMITS.measures, { message: `measures is too long (at most ${BREACH_LIMITS.measures} characters)` })
  measures: string;

  @ApiPropertyOptional({ type: [String], description: `the affected leads (at most ${BREACH_MAX_LEAD_IDS}; a repeated id counts once)` })
  @Optional()
  @IsArray({ message: 'leadIds must be a list of lead ids' })
  @ArrayMaxSize(BREACH_MAX_LEAD_IDS, { message: `leadIds may name at most ${BREACH_MAX_LEAD_IDS} leads` })
  @IsUUID('all', { each: true, message: 'leadIds must be lead ids' })
  leadIds?: string[];

  @ApiPropertyOptional({ description: 'every lead created from this day (India), e.g. 2026-11-01; with createdTo' })
  @Optional()
  @IsString({ message: 'createdFrom must be a date like 2026-11-01' })
  @Matches(DAY_PATTERN, { message: 'createdFrom must be a date like 2026-11-01' })
  createdFrom?: string;

  @ApiPropertyOptional({ description: 'every lead created up to this day (India), inclusive; with createdFrom' })
  @Optional()
  @IsString({ message: 'createdTo must be a date like 2026-11-30' })
  @Matches(DAY_PATTERN, { message: 'createdTo must be a date like 2026-11-30' })
  createdTo?: string;
}

/** `PATCH /api/breaches/:id`: the next status, or measures brought up to date, with the version last read. */
export class UpdateBreachDto {
  @ApiPropertyOptional({ enum: BREACH_STATUSES })
  @Optional()
  @IsIn(BREACH_STATUSES, { message: `status must be one of: ${BREACH_STATUSES.join(', ')}` })
  status?: BreachStatus;

  @ApiPropertyOptional({ maxLength: BREACH_LIMITS.measures })
  @Optional()
  @IsString({ message: 'measures must be text' })
  @MaxLength(BREACH_LIMITS.measures, { message: `measures is too long (at most ${BREACH_LIMITS.measures} characters)` })
  measures?: string;

  @IsVersion()
  version: number;
}
