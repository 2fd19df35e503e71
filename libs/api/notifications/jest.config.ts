export default {
  displayName: 'api-notifications',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
