import type { Config } from 'jest';

/**
 * Every project's tests in one run. One PostgreSQL server for the run (embedded, or the one in
 * DATABASE_URL), prepared once; each test file gets a fresh database copied from a migrated template.
 */
const config: Config = {
  projects: [
    '<rootDir>/libs/shared',
    '<rootDir>/libs/api/core',
    '<rootDir>/libs/api/database',
    '<rootDir>/libs/api/auth',
    '<rootDir>/libs/api/leads',
    '<rootDir>/libs/api/catalogue',
    '<rootDir>/libs/api/comparisons',
    '<rootDir>/libs/api/reports',
    '<rootDir>/libs/api/exports',
    '<rootDir>/libs/api/jobs',
    '<rootDir>/libs/api/whatsapp',
    '<rootDir>/libs/api/applications',
    '<rootDir>/libs/api/notifications',
    '<rootDir>/libs/api/saved-views',
    '<rootDir>/libs/api/privacy',
    '<rootDir>/libs/api/seed',
    '<rootDir>/apps/api',
    '<rootDir>/apps/admin',
    '<rootDir>/libs/admin/leads',
    '<rootDir>/libs/admin/catalogue',
    '<rootDir>/libs/admin/comparisons',
    '<rootDir>/libs/admin/reports',
    '<rootDir>/libs/admin/exports',
    '<rootDir>/libs/admin/website-form',
    '<rootDir>/libs/admin/whatsapp',
    '<rootDir>/libs/admin/applications',
    '<rootDir>/libs/admin/notifications',
    '<rootDir>/libs/admin/imports',
    '<rootDir>/libs/admin/privacy',
    '<rootDir>/apps/widget',
  ],
  globalSetup: '<rootDir>/libs/api/database/src/testing/global-setup.ts',
  globalTeardown: '<rootDir>/libs/api/database/src/testing/global-teardown.ts',
  maxWorkers: 2,
  testTimeout: 30_000,
};

export default config;
