export default {
  displayName: 'api-reports',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
