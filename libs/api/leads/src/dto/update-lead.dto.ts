import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { INQUIRY_LIMITS, LEAD_MODES, LEAD_SOURCES, MAX_BUDGET_PAISE, PROGRAM_LEVELS, type LeadMode, type LeadSource, type ProgramLevel } from '@advisordesk/shared';
import { IsMobilePhone } from './phone.validator';

/** Profile fields only: status, advisor and consent change through their own actions. */
export class UpdateLeadDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2, { message: 'fullName must be at least 2 characters' })
  @MaxLength(INQUIRY_LIMITS.fullName)
  fullName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsMobilePhone()
  phone?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(INQUIRY_LIMITS.email)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(INQUIRY_LIMITS.city)
  city?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(INQUIRY_LIMITS.state)
  state?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(INQUIRY_LIMITS.courseInterest)
  courseInterest?: string | null;

  @ApiPropertyOptional({ enum: PROGRAM_LEVELS, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(PROGRAM_LEVELS, { message: `level must be one of: ${PROGRAM_LEVELS.join(', ')}` })
  level?: ProgramLevel | null;

  @ApiPropertyOptional({ enum: LEAD_MODES, nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(LEAD_MODES, { message: `mode must be one of: ${LEAD_MODES.join(', ')}` })
  mode?: LeadMode | null;

  @ApiPropertyOptional({ description: 'integer paise', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: 'budgetPaise must be a whole number of paise' })
  @Min(0, { message: 'budgetPaise must not be negative' })
  @Max(MAX_BUDGET_PAISE, { message: 'budgetPaise is too large' })
  budgetPaise?: number | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(200)
  qualification?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
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

  @IsOptional() @IsEmail({}, { message: 'email must be an email address' }) @MaxLength(INQUIRY_LIMITS.email) email?: string;
  @IsOptional() @IsString() @MaxLength(INQUIRY_LIMITS.city) city?: string;
  @IsOptional() @IsString() @MaxLength(INQUIRY_LIMITS.state) state?: string;
  @IsOptional() @IsString() @MaxLength(INQUIRY_LIMITS.courseInterest) courseInterest?: string;
  @IsOptional() @IsIn(PROGRAM_LEVELS, { message: `level must be one of: ${PROGRAM_LEVELS.join(', ')}` }) level?: ProgramLevel;
  @IsOptional() @IsIn(LEAD_MODES, { message: `mode must be one of: ${LEAD_MODES.join(', ')}` }) mode?: LeadMode;
  @IsOptional() @IsInt({ message: 'budgetPaise must be a whole number of paise' }) @Min(0) @Max(MAX_BUDGET_PAISE) budgetPaise?: number;
  @IsOptional() @IsString() @MaxLength(200) qualification?: string;
  @IsOptional() @IsInt({ message: 'experienceYears must be a whole number' }) @Min(0) @Max(60) experienceYears?: number;
  @IsOptional() @IsString() @MaxLength(INQUIRY_LIMITS.utm) utmCampaign?: string;
}
