import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { applicationExportFileName, istDate, leadExportFileName, rolesThatCanRead, type LeadExportCount } from '@advisordesk/shared';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { ApplicationExportService } from './application-export.service';
import { sendCsvExport } from './csv-export';
import { LeadExportService } from './lead-export.service';
import { MyExportsQuery } from './exports.dto';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly exports: LeadExportService,
    private readonly applicationExports: ApplicationExportService,
  ) {}

  /** The lead list as CSV, with the list's filters; `x-total-count` tells the rows to expect (for a progress bar). */
  @Roles(...rolesThatCanRead('exports'))
  @Get('leads.csv')
  @ApiProduces('text/csv')
  async leads(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const work = await this.exports.start(user, query);
    await sendCsvExport(work, leadExportFileName(istDate()), response, this.logger);
  }

  /** The applications list as CSV, with the list's filters (status, university, program, advisor, deadline, created). */
  @Roles(...rolesThatCanRead('applicationExports'))
  @Get('applications.csv')
  @ApiProduces('text/csv')
  async applications(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const work = await this.applicationExports.start(user, query);
    await sendCsvExport(work, applicationExportFileName(istDate()), response, this.logger);
  }

  /** How many people the CSV of these filters would hold: the same filters and access as `leads.csv`, never a row. */
  @Roles(...rolesThatCanRead('exports'))
  @Get('leads/count')
  count(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>): Promise<LeadExportCount> {
    return this.exports.count(user, query);
  }

  /** The signed-in user's own latest exports (`_end`, default 10). */
  @Roles(...rolesThatCanRead('exports'))
  @Get('mine')
  mine(@CurrentUser() user: AuthUser, @Query() query: MyExportsQuery) {
    return this.exports.mine(user, query._end ?? 10);
  }

  @Roles(...rolesThatCanRead('exportLog'))
  @Get()
  recent() {
    return this.exports.recent();
  }
}
