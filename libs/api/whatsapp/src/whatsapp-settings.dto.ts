import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsString, Matches, ValidateNested } from 'class-validator';
import type { WhatsappSettings, WhatsappTemplateRef } from '@advisordesk/shared';
import { Nullable } from '@advisordesk/api-core';

/** Meta's rules for a template's name: lower-case letters, digits and underscores. */
export const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;
/** Meta's language codes: `en`, `hi`, `en_US`, `pt_BR`. */
export const TEMPLATE_LANGUAGE = /^[a-z]{2,3}(_[A-Z]{2})?$/;

export class WhatsappTemplateRefDto implements WhatsappTemplateRef {
  @ApiProperty({ example: 'comparison_ready' })
  @IsString({ message: 'name must be text' })
  @Matches(TEMPLATE_NAME, { message: 'name must be the approved template name: lower-case letters, digits and underscores' })
  name: string;

  @ApiProperty({ example: 'en' })
  @IsString({ message: 'language must be text' })
  @Matches(TEMPLATE_LANGUAGE, { message: 'language must be a WhatsApp language code like en, en_US or hi' })
  language: string;
}

export class WhatsappSettingsDto implements WhatsappSettings {
  @ApiProperty({ type: WhatsappTemplateRefDto })
  @IsObject({ message: 'comparisonTemplate must be {name, language}' })
  @ValidateNested()
  @Type(() => WhatsappTemplateRefDto)
  comparisonTemplate: WhatsappTemplateRefDto;

  @ApiProperty({ type: WhatsappTemplateRefDto, nullable: true })
  @Nullable()
  @IsObject({ message: 'welcomeTemplate must be {name, language} or null' })
  @ValidateNested()
  @Type(() => WhatsappTemplateRefDto)
  welcomeTemplate: WhatsappTemplateRefDto | null;

  @ApiProperty()
  @IsBoolean({ message: 'welcomeEnabled must be true or false' })
  welcomeEnabled: boolean;

  @ApiProperty({ type: WhatsappTemplateRefDto, description: "Meta's authentication template (copy-code button) for one-time codes" })
  @IsObject({ message: 'codeTemplate must be {name, language}' })
  @ValidateNested()
  @Type(() => WhatsappTemplateRefDto)
  codeTemplate: WhatsappTemplateRefDto;
}
