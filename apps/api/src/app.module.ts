import { Module } from '@nestjs/common';
import { AppConfigModule } from '@advisordesk/api-core';
import { DatabaseModule } from '@advisordesk/api-database';
import { AuthModule } from '@advisordesk/api-auth';
import { LeadsModule } from '@advisordesk/api-leads';
import { CatalogueModule } from '@advisordesk/api-catalogue';
import { ComparisonsModule } from '@advisordesk/api-comparisons';

@Module({
  imports: [AppConfigModule.forRoot(), DatabaseModule.forRoot(), AuthModule, LeadsModule, CatalogueModule, ComparisonsModule],
})
export class AppModule {}
