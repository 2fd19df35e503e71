import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@advisordesk/api-core';
import { dataSourceOptions } from './data-source';
import { HealthController } from './health.controller';

@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            const options = dataSourceOptions(config.databaseUrl);
            const extra = { ...(options.extra as object), max: config.databasePoolSize };
            return { ...options, extra, autoLoadEntities: true, migrationsRun: false };
          },
        }),
      ],
      controllers: [HealthController],
    };
  }
}
