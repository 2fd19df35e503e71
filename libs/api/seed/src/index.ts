export * from './demo-users';
export * from './demo-seed';
