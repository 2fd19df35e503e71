/** Unit tests of the admin's whatsapp library (plain TypeScript: no browser, no database). */
export default {
  displayName: 'admin-whatsapp',
  preset: '../../../jest.preset.js',
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};
