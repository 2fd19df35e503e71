export * from './whatsapp.config';
export * from './cloud-api.client';
