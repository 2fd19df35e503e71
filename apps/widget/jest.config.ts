export default {
  displayName: 'widget',
  preset: '../../jest.preset.js',
  rootDir: '.',
};
