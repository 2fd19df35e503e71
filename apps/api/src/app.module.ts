import { Module } from '@nestjs/common';
import { AppConfigModule } from '@advisordesk/api-core';
import { DatabaseModule } from '@advisordesk/api-database';
import { AuthModule } from '@advisordesk/api-auth';
import { LeadsModule } from '@advisordesk/api-leads';

@Module({
  imports: [AppConfigModule.forRoot(), DatabaseModule.forRoot(), AuthModule, LeadsModule],
})
export class AppModule {}
