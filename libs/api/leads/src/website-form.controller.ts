import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsNotEmpty, IsObject, IsString, IsUrl, MaxLength, ValidateNested } from 'class-validator';
import {
  LEAD_MODES,
  PROGRAM_LEVELS,
  WEBSITE_FORM_LIMITS,
  type LeadMode,
  type ProgramLevel,
  type WebsiteCourse,
  type WebsiteFormSettingsBody,
} from '@advisordesk/shared';
import { Public, Nullable } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { WebsiteFormService } from './website-form.service';
import { NoticeDto } from './dto/consent-notice.dto';

export class WebsiteCourseDto implements WebsiteCourse {
  @ApiProperty({ example: 'Online MBA' })
  @IsString({ message: 'courses.name must be text' })
  @IsNotEmpty({ message: 'courses.name is required' })
  @MaxLength(WEBSITE_FORM_LIMITS.course, { message: `courses.name must be at most ${WEBSITE_FORM_LIMITS.course} characters` })
  name: string;

  @ApiProperty({ enum: PROGRAM_LEVELS, nullable: true })
  @Nullable()
  @IsIn(PROGRAM_LEVELS, { message: `courses.level must be one of: ${PROGRAM_LEVELS.join(', ')}` })
  level: ProgramLevel | null;

  @ApiProperty({ enum: LEAD_MODES, nullable: true })
  @Nullable()
  @IsIn(LEAD_MODES, { message: `courses.mode must be one of: ${LEAD_MODES.join(', ')}` })
  mode: LeadMode | null;
}

export class WebsiteFormSettingsDto implements WebsiteFormSettingsBody {
  @ApiProperty({ type: [WebsiteCourseDto] })
  @IsArray({ message: 'courses must be a list' })
  @ArrayMaxSize(WEBSITE_FORM_LIMITS.courses)
  @IsObject({ each: true, message: 'courses must be a list of {name, level, mode}' })
  @ValidateNested({ each: true })
  @Type(() => WebsiteCourseDto)
  courses: WebsiteCourseDto[];

  @ApiProperty({ type: [String], example: ['https://www.example.in'] })
  @IsArray({ message: 'allowedOrigins must be a list' })
  @ArrayMaxSize(WEBSITE_FORM_LIMITS.origins)
  @IsUrl(
    { require_protocol: true, protocols: ['http', 'https'], require_tld: false },
    { each: true, message: 'allowedOrigins must be website origins like https://www.example.in' },
  )
  allowedOrigins: string[];

  @ApiProperty({ type: NoticeDto })
  @IsDefined({ message: 'notice is required: {text, url?, data, purposes, withdrawal, rights, board, contact, translations?}' })
  @IsObject({ message: 'notice must be an object' })
  @ValidateNested()
  @Type(() => NoticeDto)
  notice: NoticeDto;
}

@ApiTags('public')
@Public()
@Controller('public/form-config')
export class PublicFormConfigController {
  constructor(private readonly form: WebsiteFormService) {}

  /** Courses, levels, modes, field limits and the current consent notice (in `lang` when it has that translation, else English). */
  @Get()
  @ApiQuery({ name: 'lang', required: false, description: 'a language code of the notice (hi, ta, …); English when the notice has none' })
  get(@Query('lang') lang?: unknown) {
    return this.form.publicConfig(typeof lang === 'string' ? lang : undefined);
  }
}

@ApiTags('settings')
@ApiBearerAuth()
@Roles('admin')
@Controller('settings/website-form')
export class WebsiteFormSettingsController {
  constructor(private readonly form: WebsiteFormService) {}

  @Get()
  get() {
    return this.form.settings();
  }

  @Put()
  update(@CurrentUser() user: AuthUser, @Body() body: WebsiteFormSettingsDto) {
    return this.form.update(user.id, body);
  }
}
