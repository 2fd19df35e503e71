import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { Optional } from '@advisordesk/api-core';
import { WHATSAPP_TEMPLATE_MAX_VARIABLES, WHATSAPP_TEXT_MAX_LENGTH, type WhatsappTemplateSend } from '@advisordesk/shared';

/** Meta's template names: lowercase letters, digits and underscores, 512 at most. */
export const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;
/** Meta's language codes: `en`, `hi`, `en_US`, `pt_BR`, `zh_CN`… */
export const TEMPLATE_LANGUAGE = /^[a-z]{2,3}(_[A-Z]{2})?$/;
/** Meta caps a body variable at 1024 characters (the filled-in body must stay under 1024 too). */
export const TEMPLATE_VARIABLE_MAX_LENGTH = 1024;

const KINDS = ['text', 'template', 'comparisonId'] as const;

/** Exactly one of `text`, `template`, `comparisonId`: reported on the first one given when several are. */
function OnlyOneKind(): PropertyDecorator {
  return ValidateBy({
    name: 'onlyOneKind',
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) => {
        const body = args?.object as Record<string, unknown>;
        return KINDS.filter((k) => body[k] !== undefined).length <= 1;
      },
      defaultMessage: (args?: ValidationArguments) =>
        `${args?.property} cannot be sent with ${KINDS.filter((k) => k !== args?.property && (args?.object as Record<string, unknown>)[k] !== undefined).join(' or ')}: send exactly one of text, template, comparisonId`,
    },
  });
}

export class TemplateSendDto implements WhatsappTemplateSend {
  @ApiProperty({ description: "The approved template's name", pattern: TEMPLATE_NAME.source })
  @IsString({ message: 'template.name must be a template name' })
  @Matches(TEMPLATE_NAME, { message: 'template.name must be lowercase letters, digits and underscores, as approved by Meta' })
  name: string;

  @ApiProperty({ description: "Meta's language code, e.g. en, en_US, hi", pattern: TEMPLATE_LANGUAGE.source })
  @IsString({ message: 'template.language must be a language code' })
  @Matches(TEMPLATE_LANGUAGE, { message: 'template.language must be a language code such as en, en_US or hi' })
  language: string;

  @ApiProperty({ type: [String], maxItems: WHATSAPP_TEMPLATE_MAX_VARIABLES, description: 'Body variables in order ({{1}}, {{2}}, …)' })
  @IsArray({ message: 'template.variables must be a list of texts' })
  @ArrayMaxSize(WHATSAPP_TEMPLATE_MAX_VARIABLES, { message: `template.variables may hold at most ${WHATSAPP_TEMPLATE_MAX_VARIABLES} texts` })
  @IsString({ each: true, message: 'template.variables must be a list of texts' })
  @IsNotEmpty({ each: true, message: 'template.variables must not hold an empty text' })
  @MaxLength(TEMPLATE_VARIABLE_MAX_LENGTH, {
    each: true,
    message: `template.variables hold texts of ${TEMPLATE_VARIABLE_MAX_LENGTH} characters at most`,
  })
  variables: string[];
}

/** `POST /api/leads/:id/messages`: exactly one of `text` (window open), `template`, `comparisonId`. */
export class SendWhatsappDto {
  @ApiPropertyOptional({ maxLength: WHATSAPP_TEXT_MAX_LENGTH, description: 'Free text: only while the 24-hour window is open' })
  @Optional()
  @OnlyOneKind()
  @IsString({ message: 'text must be a text' })
  @Matches(/\S/, { message: 'text must not be empty' })
  @MaxLength(WHATSAPP_TEXT_MAX_LENGTH, { message: `text must be ${WHATSAPP_TEXT_MAX_LENGTH} characters at most` })
  text?: string;

  @ApiPropertyOptional({ type: TemplateSendDto })
  @Optional()
  @OnlyOneKind()
  @IsObject({ message: 'template must be an object {name, language, variables}' })
  @ValidateNested()
  @Type(() => TemplateSendDto)
  template?: TemplateSendDto;

  @ApiPropertyOptional({ description: 'A comparison of this lead: sent with the comparison template' })
  @Optional()
  @OnlyOneKind()
  @IsUUID('all', { message: 'comparisonId must be a comparison id' })
  comparisonId?: string;
}
