export * from './demo-users';
export * from './demo-seed';
export * from './lead-history.generator';
export * from './lead-writer';
export * from './random';
export * from './bulk-seed';
