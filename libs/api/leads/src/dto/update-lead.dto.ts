import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsVersion, Nullable, Optional } from '@advisordesk/api-core';
import {
  CONSENT_CHANNELS,
  INQUIRY_LIMITS,
  LEAD_MODES,
  LEAD_SOURCES,
  MAX_BUDGET_PAISE,
  PROGRAM_LEVELS,
  type ConsentChannel,
  type CreateLeadBody,
  type LeadMode,
  type LeadSource,
  type ProgramLevel,
  type UpdateLeadBody,
} from '@advisordesk/shared';
import { IsMobilePhone } from './phone.validator';

/** A lead's profile (the contract's `LeadProfile`), as staff enter it: a name and a phone, the rest may be left out or null. */
class LeadProfileDto {
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
}

/** A lead entered by hand (walk-in, phone call, referral): the profile, where it came from and its campaign. */
export class CreateLeadDto extends LeadProfileDto implements CreateLeadBody {
  @ApiProperty({ enum: LEAD_SOURCES })
  @IsIn(LEAD_SOURCES, { message: `source must be one of: ${LEAD_SOURCES.join(', ')}` })
  source: LeadSource;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @IsString()
  @MaxLength(INQUIRY_LIMITS.utm)
  utmCampaign?: string | null;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'consentWhatsapp must be true or false' })
  consentWhatsapp?: boolean;

  @ApiPropertyOptional()
  @Optional()
  @IsBoolean({ message: 'consentMarketing must be true or false' })
  consentMarketing?: boolean;

  /** Required with a consent (checked by the service). */
  @ApiPropertyOptional({ enum: CONSENT_CHANNELS })
  @Optional()
  @IsIn(CONSENT_CHANNELS, { message: `consentChannel must be one of: ${CONSENT_CHANNELS.join(', ')}` })
  consentChannel?: ConsentChannel;
}

/**
 * Profile fields only (status, advisor and consent change through their own actions), each may be
 * left out; a name or phone sent as null is refused, the other fields' null clears them.
 */
export class UpdateLeadDto extends PartialType(LeadProfileDto, { skipNullProperties: false }) implements UpdateLeadBody {
  @IsVersion()
  version: number;
}
