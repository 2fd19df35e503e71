import { Module } from '@nestjs/common';
import { AuthModule } from '@advisordesk/api-auth';
import { ReportsController } from './reports.controller';
import { ApplicationReportService } from './application-report.service';
import { ReportsService } from './reports.service';

/** Funnel, conversion, advisor productivity and applications: SQL lives here. */
@Module({
  imports: [AuthModule],
  controllers: [ReportsController],
  providers: [ReportsService, ApplicationReportService],
})
export class ReportsModule {}
