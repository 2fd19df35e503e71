export * from './data-source';
export * from './database.module';
export * from './embedded-postgres';
export * from './prepare-database';
export * from './health.controller';
