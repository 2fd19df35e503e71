export * from './exports.module';
export * from './csv-cells';
