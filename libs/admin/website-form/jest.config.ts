/** Unit tests of the admin's website-form library (plain TypeScript: no browser, no database). */
export default {
  displayName: 'admin-website-form',
  preset: '../../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
