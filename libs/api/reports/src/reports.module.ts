import { Module } from '@nestjs/common';
import { AuthModule } from '@advisordesk/api-auth';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

/** Funnel, conversion and advisor productivity: SQL lives here. */
@Module({
  imports: [AuthModule],
  controllers: [ReportsController],
  providers: [ReportsService],
})
export class ReportsModule {}
