export * from './breaches.module';
