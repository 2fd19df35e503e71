import { Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Request, Response } from 'express';
import { fileBody, sendPage } from '@advisordesk/api-core';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { LEAD_IMPORT_FILE_FIELD, rolesThatCanRead, rolesThatCanWrite, type LeadImportResult, type LeadImportView } from '@advisordesk/shared';
import { LeadImportService } from './lead-import.service';

class LeadImportQueryDto {
  @ApiProperty({ enum: ['true', 'false'], description: 'true: check the file and write nothing' })
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun: 'true' | 'false';
}

@ApiTags('leads')
@ApiBearerAuth()
@Controller()
export class LeadImportController {
  constructor(private readonly imports: LeadImportService) {}

  /**
   * A CSV of leads (multipart: optional `mapping` JSON first, then `file`). A dry run reports what
   * each row would do and writes nothing; an import writes every row or, if any is wrong, none.
   */
  @Roles(...rolesThatCanWrite('leadImport'))
  @Post('leads/import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody(fileBody(LEAD_IMPORT_FILE_FIELD))
  import(@CurrentUser() user: AuthUser, @Query() query: LeadImportQueryDto, @Req() request: Request): Promise<LeadImportResult> {
    return this.imports.import(user, request, query.dryRun === 'true');
  }

  /** The import history: admins and managers every import, marketing its own. */
  @Roles(...rolesThatCanRead('leadImport'))
  @Get('lead-imports')
  async list(
    @CurrentUser() user: AuthUser,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LeadImportView[]> {
    return sendPage(response, await this.imports.list(user, query));
  }
}
