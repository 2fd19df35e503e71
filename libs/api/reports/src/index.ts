export * from './reports.module';
export * from './reports.service';
export * from './application-report.service';
