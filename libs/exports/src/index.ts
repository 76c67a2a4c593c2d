export * from './csv';
export * from './export-events';
export * from './export-kind';
export * from './export-registry';
export * from './export.service';
export * from './exports.module';
export * from './models/export-job.model';
