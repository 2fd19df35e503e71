/** Unit tests of the admin panel's plain TypeScript (no browser, no database). */
export default {
  displayName: 'admin',
  preset: '../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
