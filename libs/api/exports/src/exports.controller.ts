import { Controller, Get, Logger, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { istDate, leadExportFileName, rolesThatCanRead } from '@advisordesk/shared';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { LeadExportService } from './lead-export.service';

@ApiTags('exports')
@ApiBearerAuth()
@Controller('exports')
export class ExportsController {
  private readonly logger = new Logger('Exports');

  constructor(private readonly exports: LeadExportService) {}

  /** The lead list as CSV, with the list's filters; `x-total-count` tells the rows to expect (for a progress bar). */
  @Roles(...rolesThatCanRead('exports'))
  @Get('leads.csv')
  @ApiProduces('text/csv')
  async leads(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const work = await this.exports.start(user, query);
    response.status(200);
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader('Content-Disposition', `attachment; filename="${leadExportFileName(istDate())}"`);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('x-total-count', String(work.total));
    response.setHeader('x-export-id', work.id);
    try {
      await work.pipeTo(response);
    } catch (error) {
      // Headers are sent: all we can do is end the download early and record it as failed.
      this.logger.warn(`Export ${work.id} ended early: ${(error as Error).message}`);
      response.destroy();
    }
  }

  @Roles(...rolesThatCanRead('exportLog'))
  @Get()
  recent() {
    return this.exports.recent();
  }
}
