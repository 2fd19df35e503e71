export default {
  displayName: 'api-catalogue',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
