export * from './applications.module';
export { ApplicationsService } from './applications.service';
export { FileStore, CHUNK_BYTES } from './files/file-store';
export { sniffFileType, safeFileName } from './files/file-type';
export { APPLICATION_COLUMNS, APPLICATION_FROM, APPLICATION_LIST } from './applications.sql';
