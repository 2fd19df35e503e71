export * from './job-definition';
export * from './jobs.config';
export * from './jobs.module';
export * from './jobs.service';
