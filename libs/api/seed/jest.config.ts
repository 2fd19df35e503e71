export default {
  displayName: 'api-seed',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
