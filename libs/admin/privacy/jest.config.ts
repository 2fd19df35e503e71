/** Unit tests of the admin's privacy library (plain TypeScript: no browser, no database). */
export default {
  displayName: 'admin-privacy',
  preset: '../../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
