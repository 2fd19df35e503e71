import { type DynamicModule, Global, Module } from '@nestjs/common';
import { loadJobsConfig } from './jobs.config';
import { JobsController } from './jobs.controller';
import { JobsAdminService } from './jobs-admin.service';
import { JobsHealthService } from './jobs-health.service';
import { JOBS_CONFIG, JobsService } from './jobs.service';

/**
 * Background jobs for every area (global: an area injects `JobsService` and defines its queues),
 * and the admins' view of them (`/api/jobs`). `forRoot()` reads the JOBS_* variables when called.
 */
@Global()
@Module({})
export class JobsModule {
  static forRoot(): DynamicModule {
    return {
      module: JobsModule,
      controllers: [JobsController],
      providers: [{ provide: JOBS_CONFIG, useFactory: () => loadJobsConfig(process.env) }, JobsService, JobsAdminService, JobsHealthService],
      exports: [JobsService],
    };
  }
}
