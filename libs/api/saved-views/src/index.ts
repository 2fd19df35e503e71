export * from './saved-views.module';
export * from './saved-view-query';
