/** Unit tests of the admin's notifications library (plain TypeScript: no browser, no database). */
export default {
  displayName: 'admin-notifications',
  preset: '../../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
