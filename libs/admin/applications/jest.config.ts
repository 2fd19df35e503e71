/** Unit tests of the admin's applications library (plain TypeScript: no browser, no database). */
export default {
  displayName: 'admin-applications',
  preset: '../../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
