/**
 * Several API instances on one database (`npm run test:instances`): the built server
 * (`npm run build:api`) started as child processes, checked over HTTP. PostgreSQL from
 * DATABASE_URL or an embedded one; REDIS_URL set: the instances share limits and events through Redis.
 */
export default {
  displayName: 'api-instances',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['**/*.instances.ts'],
  globalSetup: '<rootDir>/../../libs/api/database/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/api/database/src/testing/global-teardown.ts',
  testTimeout: 60_000,
};
