import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, IsUrl, MaxLength, ValidateIf } from 'class-validator';
import { WEBSITE_FORM_LIMITS, type WebsiteFormSettingsBody } from '@advisordesk/shared';
import { Public, Nullable } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { WebsiteFormService } from './website-form.service';

export class WebsiteFormSettingsDto implements WebsiteFormSettingsBody {
  @ApiProperty({ type: [String] })
  @IsArray({ message: 'courses must be a list' })
  @ArrayMaxSize(WEBSITE_FORM_LIMITS.courses)
  @IsString({ each: true })
  @MaxLength(WEBSITE_FORM_LIMITS.course, { each: true })
  courses: string[];

  @ApiProperty({ type: [String], example: ['https://www.example.in'] })
  @IsArray({ message: 'allowedOrigins must be a list' })
  @ArrayMaxSize(WEBSITE_FORM_LIMITS.origins)
  @IsUrl(
    { require_protocol: true, protocols: ['http', 'https'], require_tld: false },
    { each: true, message: 'allowedOrigins must be website origins like https://www.example.in' },
  )
  allowedOrigins: string[];

  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'noticeText is required' })
  @MaxLength(WEBSITE_FORM_LIMITS.noticeText)
  noticeText: string;

  @ApiPropertyOptional({ nullable: true })
  @Nullable()
  @ValidateIf((_, v) => v !== null && v !== '')
  @IsUrl({ require_protocol: true }, { message: 'noticeUrl must be an http(s) address' })
  noticeUrl?: string | null;
}

@ApiTags('public')
@Public()
@Controller('public/form-config')
export class PublicFormConfigController {
  constructor(private readonly form: WebsiteFormService) {}

  /** Courses, levels, modes, field limits and the current consent notice, for the website form. */
  @Get()
  get() {
    return this.form.publicConfig();
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
