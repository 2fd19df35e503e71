export * from './catalogue.module';
export * from './programs.service';
export * from './catalogue-import.service';
export * from './catalogue.sql';
