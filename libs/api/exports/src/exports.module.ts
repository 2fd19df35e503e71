import { Module } from '@nestjs/common';
import { AuthModule } from '@advisordesk/api-auth';
import { ExportsController } from './exports.controller';
import { LeadExportService } from './lead-export.service';

/** Consent-aware, streamed CSV exports of leads, and the record of who exported what. */
@Module({
  imports: [AuthModule],
  controllers: [ExportsController],
  providers: [LeadExportService],
})
export class ExportsModule {}
