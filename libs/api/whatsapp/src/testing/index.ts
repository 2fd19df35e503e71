export * from './cloud-api-stand-in';
