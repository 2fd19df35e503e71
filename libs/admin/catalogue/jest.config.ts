/** Unit tests of the admin's catalogue library (plain TypeScript: no browser, no database). */
export default {
  displayName: 'admin-catalogue',
  preset: '../../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
