import { Module } from '@nestjs/common';
import { AppConfigModule } from '@advisordesk/api-core';
import { DatabaseModule } from '@advisordesk/api-database';
import { AuthModule } from '@advisordesk/api-auth';

@Module({
  imports: [AppConfigModule.forRoot(), DatabaseModule.forRoot(), AuthModule],
})
export class AppModule {}
