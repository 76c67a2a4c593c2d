export * from './embedded-database';
export * from './free-port';
export * from './resolve-binary';
export * from './embedded-database.supervisor';
export * from './running-server';
