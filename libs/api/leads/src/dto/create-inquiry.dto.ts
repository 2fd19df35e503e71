import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  Equals,
  IsBoolean,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUrl,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { Optional } from '@advisordesk/api-core';
import {
  INQUIRY_LIMITS,
  LEAD_MODES,
  PROGRAM_LEVELS,
  type InquiryConsent,
  type InquiryUtm,
  type LeadMode,
  type ProgramLevel,
  type PublicInquiryBody,
} from '@advisordesk/shared';
import { IsMobilePhone } from './phone.validator';

export class ConsentDto implements InquiryConsent {
  @ApiProperty({ description: 'WhatsApp updates about this inquiry' })
  @IsBoolean({ message: 'whatsapp must be true or false' })
  whatsapp: boolean;

  @ApiProperty({ description: 'Marketing messages' })
  @IsBoolean({ message: 'marketing must be true or false' })
  marketing: boolean;

  @ApiPropertyOptional({
    description: "the language the notice and the form were shown in: one of the notice's languages (en, hi, …)",
    example: 'hi',
  })
  @Optional()
  @IsString({ message: 'language must be a language code such as en or hi' })
  @MaxLength(8, { message: 'language must be a language code such as en or hi' })
  language?: string;
}

export class UtmDto implements InquiryUtm {
  @Optional() @IsString() @MaxLength(INQUIRY_LIMITS.utm) source?: string;
  @Optional() @IsString() @MaxLength(INQUIRY_LIMITS.utm) medium?: string;
  @Optional() @IsString() @MaxLength(INQUIRY_LIMITS.utm) campaign?: string;
  @Optional() @IsString() @MaxLength(INQUIRY_LIMITS.utm) term?: string;
  @Optional() @IsString() @MaxLength(INQUIRY_LIMITS.utm) content?: string;
}

/** A parent or guardian's consent, for a person under 18 (DPDP Act: verifiable parental consent). */
export class GuardianDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'guardian.fullName is required' })
  @MinLength(2, { message: 'guardian.fullName must be at least 2 characters' })
  @MaxLength(INQUIRY_LIMITS.fullName)
  fullName: string;
  @ApiProperty()
  @IsString({ message: 'guardian.phone must be text' })
  @IsMobilePhone({ message: 'guardian.phone must be a valid mobile number' })
  phone: string;
  @ApiProperty({ description: 'must be true' })
  @Equals(true, { message: 'guardian.consent must be true: a parent or guardian has to agree' })
  consent: boolean;
}

/** The Quick Inquiry form, as the website posts it. */
export class CreateInquiryDto implements PublicInquiryBody {
  @ApiProperty({ example: 'Ananya Gupta' })
  @IsString({ message: 'fullName must be text' })
  @IsNotEmpty({ message: 'fullName is required' })
  @MinLength(2, { message: 'fullName must be at least 2 characters' })
  @MaxLength(INQUIRY_LIMITS.fullName)
  fullName: string;

  @ApiProperty({ example: '98765 43210' })
  @IsString({ message: 'phone must be text' })
  @IsMobilePhone()
  phone: string;

  @ApiPropertyOptional()
  @Optional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(INQUIRY_LIMITS.email)
  email?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(INQUIRY_LIMITS.city)
  city?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(INQUIRY_LIMITS.state)
  state?: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(INQUIRY_LIMITS.courseInterest)
  courseInterest?: string;

  @ApiPropertyOptional({ enum: PROGRAM_LEVELS })
  @Optional()
  @IsIn(PROGRAM_LEVELS, { message: `level must be one of: ${PROGRAM_LEVELS.join(', ')}` })
  level?: ProgramLevel;

  @ApiPropertyOptional({ enum: LEAD_MODES })
  @Optional()
  @IsIn(LEAD_MODES, { message: `mode must be one of: ${LEAD_MODES.join(', ')}` })
  mode?: LeadMode;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(INQUIRY_LIMITS.message)
  message?: string;

  @ApiProperty({ type: ConsentDto })
  @IsDefined({ message: 'consent is required: {whatsapp: boolean, marketing: boolean}' })
  @IsObject({ message: 'consent must be an object' })
  @ValidateNested()
  @Type(() => ConsentDto)
  consent: ConsentDto;

  @ApiPropertyOptional()
  @Optional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false }, { message: 'sourceUrl must be an http(s) address' })
  @MaxLength(INQUIRY_LIMITS.url)
  sourceUrl?: string;

  @ApiPropertyOptional({ type: UtmDto })
  @Optional()
  @IsObject({ message: 'utm must be an object' })
  @ValidateNested()
  @Type(() => UtmDto)
  utm?: UtmDto;

  @ApiPropertyOptional({ description: 'the version of the consent notice shown next to the form' })
  @Optional()
  @IsInt({ message: 'consentNoticeVersion must be a whole number' })
  @Min(1, { message: 'consentNoticeVersion must be at least 1' })
  consentNoticeVersion?: number;

  @ApiPropertyOptional({ description: 'the page that linked to the page with the form (document.referrer)' })
  @Optional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false }, { message: 'referrer must be an http(s) address' })
  @MaxLength(INQUIRY_LIMITS.url)
  referrer?: string;

  @ApiPropertyOptional({ description: 'true when the person said they are under 18: a guardian must consent' })
  @Optional()
  @IsBoolean({ message: 'minor must be true or false' })
  minor?: boolean;

  @ApiPropertyOptional({ type: () => GuardianDto })
  @ValidateIf((o: CreateInquiryDto) => o.minor === true || o.guardian !== undefined)
  @IsDefined({ message: 'guardian is required when minor is true: {fullName, phone, consent: true}' })
  @IsObject({ message: 'guardian must be an object' })
  @ValidateNested()
  @Type(() => GuardianDto)
  guardian?: GuardianDto;

  /** Honeypot: a field people never see. Bots fill it; such submissions are dropped quietly. */
  @ApiPropertyOptional({ description: 'leave empty' })
  @Optional()
  @IsString()
  @MaxLength(500)
  website?: string;
}
