/** Unit tests of the admin's imports library (plain TypeScript: no browser, no database). */
export default {
  displayName: 'admin-imports',
  preset: '../../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  // The panel bundles csv-parse's browser build; under Node the same parser's own build runs.
  moduleNameMapper: { '^csv-parse/browser/esm/sync$': 'csv-parse/sync' },
};
