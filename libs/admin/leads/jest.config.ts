/** Unit tests of the admin's leads library (plain TypeScript: no browser, no database). */
export default {
  displayName: 'admin-leads',
  preset: '../../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
