export default {
  displayName: 'api-applications',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
