import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsEmail, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUrl, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { INQUIRY_LIMITS, LEAD_MODES, PROGRAM_LEVELS, type LeadMode, type ProgramLevel } from '@advisordesk/shared';
import { IsMobilePhone } from './phone.validator';

export class ConsentDto {
  @ApiProperty({ description: 'WhatsApp updates about this inquiry' })
  @IsBoolean({ message: 'consent.whatsapp must be true or false' })
  whatsapp: boolean;

  @ApiProperty({ description: 'Marketing messages' })
  @IsBoolean({ message: 'consent.marketing must be true or false' })
  marketing: boolean;
}

export class UtmDto {
  @IsOptional() @IsString() @MaxLength(INQUIRY_LIMITS.utm) source?: string;
  @IsOptional() @IsString() @MaxLength(INQUIRY_LIMITS.utm) medium?: string;
  @IsOptional() @IsString() @MaxLength(INQUIRY_LIMITS.utm) campaign?: string;
  @IsOptional() @IsString() @MaxLength(INQUIRY_LIMITS.utm) term?: string;
  @IsOptional() @IsString() @MaxLength(INQUIRY_LIMITS.utm) content?: string;
}

/** The Quick Inquiry form, as the website posts it. */
export class CreateInquiryDto {
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
  @IsOptional()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(INQUIRY_LIMITS.email)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(INQUIRY_LIMITS.city)
  city?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(INQUIRY_LIMITS.state)
  state?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(INQUIRY_LIMITS.courseInterest)
  courseInterest?: string;

  @ApiPropertyOptional({ enum: PROGRAM_LEVELS })
  @IsOptional()
  @IsIn(PROGRAM_LEVELS, { message: `level must be one of: ${PROGRAM_LEVELS.join(', ')}` })
  level?: ProgramLevel;

  @ApiPropertyOptional({ enum: LEAD_MODES })
  @IsOptional()
  @IsIn(LEAD_MODES, { message: `mode must be one of: ${LEAD_MODES.join(', ')}` })
  mode?: LeadMode;

  @ApiPropertyOptional()
  @IsOptional()
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
  @IsOptional()
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false }, { message: 'sourceUrl must be an http(s) address' })
  @MaxLength(INQUIRY_LIMITS.url)
  sourceUrl?: string;

  @ApiPropertyOptional({ type: UtmDto })
  @IsOptional()
  @IsObject({ message: 'utm must be an object' })
  @ValidateNested()
  @Type(() => UtmDto)
  utm?: UtmDto;

  /** Honeypot: a field people never see. Bots fill it; such submissions are dropped quietly. */
  @ApiPropertyOptional({ description: 'leave empty' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  website?: string;
}
