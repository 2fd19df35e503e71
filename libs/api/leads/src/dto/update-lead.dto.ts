import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Optional, Nullable } from '@advisordesk/api-core';
import { INQUIRY_LIMITS, LEAD_MODES, LEAD_SOURCES, MAX_BUDGET_PAISE, PROGRAM_LEVELS, type LeadMode, type LeadSource, type ProgramLevel } from '@advisordesk/shared';
import { IsMobilePhone } from './phone.validator';

/** Profile fields only: status, advisor and consent change through their own actions. */
export class UpdateLeadDto {
  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MinLength(2, { message: 'fullName must be at least 2 characters' })
  @MaxLength(INQUIRY_LIMITS.fullName)
  fullName?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @IsMobilePhone()
  phone?: string;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(INQUIRY_LIMITS.email)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(INQUIRY_LIMITS.city)
  city?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(INQUIRY_LIMITS.state)
  state?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(INQUIRY_LIMITS.courseInterest)
  courseInterest?: string | null;

  @ApiPropertyOptional({ enum: PROGRAM_LEVELS, nullable: true })
  @Nullable()
  @IsIn(PROGRAM_LEVELS, { message: `level must be one of: ${PROGRAM_LEVELS.join(', ')}` })
  level?: ProgramLevel | null;

  @ApiPropertyOptional({ enum: LEAD_MODES, nullable: true })
  @Nullable()
  @IsIn(LEAD_MODES, { message: `mode must be one of: ${LEAD_MODES.join(', ')}` })
  mode?: LeadMode | null;

  @ApiPropertyOptional({ description: 'integer paise', nullable: true })
  @Nullable()
  @IsInt({ message: 'budgetPaise must be a whole number of paise' })
  @Min(0, { message: 'budgetPaise must not be negative' })
  @Max(MAX_BUDGET_PAISE, { message: 'budgetPaise is too large' })
  budgetPaise?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(200)
  qualification?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsInt({ message: 'experienceYears must be a whole number' })
  @Min(0, { message: 'experienceYears must not be negative' })
  @Max(60, { message: 'experienceYears must be at most 60' })
  experienceYears?: number | null;

  @ApiProperty({ description: 'the version you last read; a stale one answers 409' })
  @IsInt({ message: 'version must be a whole number (the version you last read)' })
  @Min(1)
  version: number;
}

/** A lead entered by hand (walk-in, phone call, referral). */
export class CreateLeadDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'fullName is required' })
  @MinLength(2, { message: 'fullName must be at least 2 characters' })
  @MaxLength(INQUIRY_LIMITS.fullName)
  fullName: string;

  @ApiProperty()
  @IsString({ message: 'phone must be text' })
  @IsMobilePhone()
  phone: string;

  @ApiProperty({ enum: LEAD_SOURCES })
  @IsIn(LEAD_SOURCES, { message: `source must be one of: ${LEAD_SOURCES.join(', ')}` })
  source: LeadSource;

  @Nullable() @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(INQUIRY_LIMITS.email) email?: string | null;
  @Nullable() @IsString() @MaxLength(INQUIRY_LIMITS.city) city?: string | null;
  @Nullable() @IsString() @MaxLength(INQUIRY_LIMITS.state) state?: string | null;
  @Nullable() @IsString() @MaxLength(INQUIRY_LIMITS.courseInterest) courseInterest?: string | null;
  @Nullable() @IsIn(PROGRAM_LEVELS, { message: `level must be one of: ${PROGRAM_LEVELS.join(', ')}` }) level?: ProgramLevel | null;
  @Nullable() @IsIn(LEAD_MODES, { message: `mode must be one of: ${LEAD_MODES.join(', ')}` }) mode?: LeadMode | null;
  @Nullable() @IsInt({ message: 'budgetPaise must be a whole number of paise' }) @Min(0) @Max(MAX_BUDGET_PAISE) budgetPaise?: number | null;
  @Nullable() @IsString() @MaxLength(200) qualification?: string | null;
  @Nullable() @IsInt({ message: 'experienceYears must be a whole number' }) @Min(0) @Max(60) experienceYears?: number | null;
  @Nullable() @IsString() @MaxLength(INQUIRY_LIMITS.utm) utmCampaign?: string | null;
}
