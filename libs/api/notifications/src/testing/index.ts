export * from './smtp-stand-in';
