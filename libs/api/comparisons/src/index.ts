export * from './comparisons.module';
export * from './comparison.snapshot';
