import { Module } from '@nestjs/common';
import { AppConfigModule } from '@advisordesk/api-core';
import { DatabaseModule } from '@advisordesk/api-database';
import { AuthModule } from '@advisordesk/api-auth';
import { LeadsModule } from '@advisordesk/api-leads';
import { CatalogueModule } from '@advisordesk/api-catalogue';
import { ComparisonsModule } from '@advisordesk/api-comparisons';
import { ReportsModule } from '@advisordesk/api-reports';
import { ExportsModule } from '@advisordesk/api-exports';
import { JobsModule } from '@advisordesk/api-jobs';
import { WhatsappModule } from '@advisordesk/api-whatsapp';
import { ApplicationsModule } from '@advisordesk/api-applications';
import { NotificationsModule } from '@advisordesk/api-notifications';
import { SavedViewsModule } from '@advisordesk/api-saved-views';
import { PrivacyModule } from '@advisordesk/api-privacy';

@Module({
  imports: [
    AppConfigModule.forRoot(),
    DatabaseModule.forRoot(),
    JobsModule.forRoot(),
    AuthModule,
    LeadsModule,
    CatalogueModule,
    ComparisonsModule,
    ReportsModule,
    ExportsModule,
    WhatsappModule,
    ApplicationsModule,
    NotificationsModule,
    SavedViewsModule,
    PrivacyModule,
  ],
})
export class AppModule {}
