import { Module } from '@nestjs/common';
import { AuthModule } from '@advisordesk/api-auth';
import { ExportsController } from './exports.controller';
import { ApplicationExportService } from './application-export.service';
import { LeadExportService } from './lead-export.service';

/** Consent-aware, streamed CSV exports of leads, of applications, and the record of who exported what. */
@Module({
  imports: [AuthModule],
  controllers: [ExportsController],
  providers: [LeadExportService, ApplicationExportService],
})
export class ExportsModule {}
