import { Module } from '@nestjs/common';
import { AuthModule } from '@advisordesk/api-auth';
import { LeadsModule } from '@advisordesk/api-leads';
import { NotificationsModule } from '@advisordesk/api-notifications';
import { WhatsappModule } from '@advisordesk/api-whatsapp';
import { BreachesModule } from './breaches/breaches.module';
import { CodeSender } from './codes/code-sender';
import { DataRequestsController, PublicDataRequestsController } from './data-requests/data-requests.controller';
import { DataRequestsService } from './data-requests/data-requests.service';
import { DataSummaryService } from './data-requests/data-summary.service';
import { GuardianController } from './guardian/guardian.controller';
import { GuardianService } from './guardian/guardian.service';
import { PrivacyPageController } from './public-page';
import { RetentionController } from './retention/retention.controller';
import { RetentionService } from './retention/retention.service';

/**
 * Data protection (DPDP Act 2023, Rules 2025): the public /privacy page, rights requests and their
 * one-time codes, the access summary, retention and its nightly job, a minor's guardian, the breach
 * register. Needs `JobsModule.forRoot()`.
 */
@Module({
  imports: [AuthModule, LeadsModule, WhatsappModule, NotificationsModule, BreachesModule],
  controllers: [PublicDataRequestsController, PrivacyPageController, DataRequestsController, RetentionController, GuardianController],
  providers: [CodeSender, DataRequestsService, DataSummaryService, RetentionService, GuardianService],
  exports: [DataRequestsService, RetentionService],
})
export class PrivacyModule {}
