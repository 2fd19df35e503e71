export * from './access';
export * from './api-error';
export * from './api-mutation';
export * from './api-session';
export * from './catalogue-format';
export * from './compare-tray';
export * from './lead-data';
export * from './courses';
