export default {
  displayName: 'api-saved-views',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
