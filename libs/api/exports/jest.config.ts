export default {
  displayName: 'api-exports',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
