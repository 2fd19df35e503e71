export default {
  displayName: 'api-comparisons',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
