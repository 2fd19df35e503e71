import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { APPLICATION_REPORT_GROUP_BY, CONVERSION_GROUP_BY, rolesThatCanRead } from '@advisordesk/shared';
import { CurrentUser, Roles, type AuthUser } from '@advisordesk/api-auth';
import { ApplicationReportService } from './application-report.service';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Roles(...rolesThatCanRead('reports'))
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly applicationReport: ApplicationReportService,
  ) {}

  @Get('funnel')
  @ApiQuery({ name: 'from', required: false, example: '2026-04-01', description: 'first day (Asia/Kolkata) of the creation cohort' })
  @ApiQuery({ name: 'to', required: false, example: '2026-06-30' })
  funnel(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>) {
    return this.reports.funnel(user, query);
  }

  @Get('conversion')
  @ApiQuery({ name: 'groupBy', enum: CONVERSION_GROUP_BY })
  conversion(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>) {
    return this.reports.conversion(user, query);
  }

  @Roles('admin', 'manager', 'advisor')
  @Get('productivity')
  productivity(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>) {
    return this.reports.productivity(user, query);
  }

  /** Applications are with the lead: advisors see their own leads' figures, marketing none. */
  @Roles(...rolesThatCanRead('applications'))
  @Get('applications')
  @ApiQuery({ name: 'groupBy', enum: APPLICATION_REPORT_GROUP_BY, required: false })
  @ApiQuery({ name: 'from', required: false, example: '2026-04-01', description: 'first day (Asia/Kolkata) the applications were made' })
  @ApiQuery({ name: 'to', required: false, example: '2026-06-30' })
  applications(@CurrentUser() user: AuthUser, @Query() query: Record<string, unknown>) {
    return this.applicationReport.report(user, query);
  }
}
