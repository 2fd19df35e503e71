export default {
  displayName: 'api-whatsapp',
  preset: '../../../jest.preset.js',
  rootDir: '.',
};
