export * from './roles';
export * from './permissions';
export * from './lead-status';
export * from './money';
export * from './phone';
export * from './time';
export * from './users';
export * from './leads';
