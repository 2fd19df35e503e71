/** Unit tests of the admin's comparisons library (plain TypeScript: no browser, no database). */
export default {
  displayName: 'admin-comparisons',
  preset: '../../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
