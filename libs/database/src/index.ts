export * from './database-server';
export * from './embedded';
export * from './database.module';
export * from './duplicate-key';
export * from './new-id';
export * from './tenant-document';
export * from './tenant-repository';
export * from './embedded';
