/** Unit tests of the admin's exports library (plain TypeScript: no browser, no database). */
export default {
  displayName: 'admin-exports',
  preset: '../../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
