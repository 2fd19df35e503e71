import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsObject, IsString, IsUrl, Matches, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { isTranslationLanguage, NOTICE_LIMITS, NOTICE_TEXT_PARTS, type NoticeContact, type NoticeParts, type NoticeTexts } from '@advisordesk/shared';
import { Nullable, Optional } from '@advisordesk/api-core';

const filled = (_: unknown, value: unknown) => typeof value !== 'string' || value.trim() !== '';

/** Whom to contact: blanks are reported by the completeness rule (`missingNoticeParts`), malformed values here. */
export class NoticeContactDto implements NoticeContact {
  @ApiProperty({ example: 'Meera Iyer, Grievance Officer' })
  @IsString({ message: 'name must be text' })
  @MaxLength(NOTICE_LIMITS.contactName)
  name: string;

  @ApiProperty({ example: 'privacy@example.in' })
  @IsString({ message: 'email must be text' })
  @ValidateIf(filled)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(NOTICE_LIMITS.contactEmail)
  email: string;

  @ApiProperty({ example: '+91 98765 43210' })
  @IsString({ message: 'phone must be text' })
  @ValidateIf(filled)
  @Matches(/^\+?\d[\d ()-]{5,}$/, { message: 'phone must be a phone number, e.g. +91 98765 43210' })
  @MaxLength(NOTICE_LIMITS.contactPhone)
  phone: string;
}

/** The consent notice's parts in English, the contact and the translations. */
export class NoticeDto implements NoticeParts {
  @ApiProperty({ description: 'the opening: who asks and why' })
  @IsString({ message: 'text must be text' })
  @MaxLength(NOTICE_LIMITS.text)
  text: string;

  @ApiPropertyOptional({ nullable: true, description: 'a page with the full privacy notice' })
  @Nullable()
  @ValidateIf((_, v) => v !== null && v !== '')
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { message: 'url must be an http(s) address' })
  url?: string | null;

  @ApiProperty({ type: [String], description: 'each item of personal data the form collects' })
  @IsArray({ message: 'data must be a list' })
  @ArrayMaxSize(NOTICE_LIMITS.items)
  @IsString({ each: true, message: 'data must be a list of text' })
  @MaxLength(NOTICE_LIMITS.item, { each: true })
  data: string[];

  @ApiProperty({ type: [String], description: 'each purpose, with the service it enables' })
  @IsArray({ message: 'purposes must be a list' })
  @ArrayMaxSize(NOTICE_LIMITS.items)
  @IsString({ each: true, message: 'purposes must be a list of text' })
  @MaxLength(NOTICE_LIMITS.item, { each: true })
  purposes: string[];

  @ApiProperty() @IsString({ message: 'withdrawal must be text' }) @MaxLength(NOTICE_LIMITS.part) withdrawal: string;
  @ApiProperty() @IsString({ message: 'rights must be text' }) @MaxLength(NOTICE_LIMITS.part) rights: string;
  @ApiProperty() @IsString({ message: 'board must be text' }) @MaxLength(NOTICE_LIMITS.part) board: string;

  @ApiProperty({ type: NoticeContactDto })
  @Optional()
  @IsObject({ message: 'contact must be {name, email, phone}' })
  @ValidateNested()
  @Type(() => NoticeContactDto)
  contact: NoticeContactDto;

  @ApiPropertyOptional({
    description: 'by language code of the Eighth Schedule (hi, ta, …): {text, data, purposes, withdrawal, rights, board}',
    example: { hi: { text: '…', data: ['आपका नाम'], purposes: ['…'], withdrawal: '…', rights: '…', board: '…' } },
  })
  @Optional()
  @IsObject({ message: 'translations must be an object keyed by language code' })
  translations?: Record<string, NoticeTexts>;
}

type Problem = { field: string; message: string };

/**
 * What is wrong with the translations' shape (a map class-validator cannot walk): each key a
 * language of the Eighth Schedule, each value exactly the notice's texts within their limits.
 * Missing texts are left to `missingNoticeParts`.
 */
export function translationProblems(translations: Record<string, unknown> | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const [code, value] of Object.entries(translations ?? {})) {
    const at = `notice.translations.${code}`;
    if (!isTranslationLanguage(code)) {
      problems.push({ field: at, message: `${at}: ${code} is not a language of the Eighth Schedule (e.g. hi, ta, bn)` });
      continue;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ field: at, message: `${at} must be {text, data, purposes, withdrawal, rights, board}` });
      continue;
    }
    const texts = value as Record<string, unknown>;
    for (const key of Object.keys(texts))
      if (!(NOTICE_TEXT_PARTS as readonly string[]).includes(key))
        problems.push({ field: `${at}.${key}`, message: `${at}.${key} is not a known field` });
    for (const part of NOTICE_TEXT_PARTS) {
      const field = `${at}.${part}`;
      const given = texts[part];
      if (part === 'data' || part === 'purposes') {
        if (given === undefined) continue;
        if (!Array.isArray(given) || given.some((item) => typeof item !== 'string'))
          problems.push({ field, message: `${field} must be a list of text` });
        else if (given.length > NOTICE_LIMITS.items || given.some((item: string) => item.length > NOTICE_LIMITS.item))
          problems.push({ field, message: `${field} must have at most ${NOTICE_LIMITS.items} items of at most ${NOTICE_LIMITS.item} characters` });
      } else if (given !== undefined) {
        const max = part === 'text' ? NOTICE_LIMITS.text : NOTICE_LIMITS.part;
        if (typeof given !== 'string') problems.push({ field, message: `${field} must be text` });
        else if (given.length > max) problems.push({ field, message: `${field} must be at most ${max} characters` });
      }
    }
  }
  return problems;
}
