export * from './embedded-database';
export * from './free-port';
export * from './resolve-binary';
