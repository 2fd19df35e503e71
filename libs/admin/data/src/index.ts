export * from './access';
export * from './api-error';
export * from './assignment-settings';
export * from './api-mutation';
export * from './api-session';
export * from './catalogue-format';
export * from './compare-tray';
export * from './lead-data';
