export * from './privacy.module';
export * from './privacy.errors';
export { DataRequestsService } from './data-requests/data-requests.service';
export { RetentionService, RETENTION_QUEUE } from './retention/retention.service';
export { authenticationTemplateBody } from './codes/code-sender';
export { BreachesModule } from './breaches/breaches.module';
export * from './public-page';
