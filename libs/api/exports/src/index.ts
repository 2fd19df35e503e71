export * from './exports.module';
export * from './csv-sql';
