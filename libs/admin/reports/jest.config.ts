/** Unit tests of the admin's reports library (plain TypeScript: no browser, no database). */
export default {
  displayName: 'admin-reports',
  preset: '../../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
