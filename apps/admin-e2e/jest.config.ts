/**
 * Browser tests: the built API (serving the built admin panel) on a fresh database with the demo
 * users, driven by Playwright in Debian's Chromium. Build first: `npm run build`.
 */
export default {
  displayName: 'admin-e2e',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testMatch: ['**/*.e2e.ts'],
  globalSetup: '<rootDir>/../../libs/api/database/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/../../libs/api/database/src/testing/global-teardown.ts',
  testTimeout: 120_000,
};
