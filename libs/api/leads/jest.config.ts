export default {
  displayName: 'api-leads',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
