export * from './backoff';
export * from './job';
export * from './job-handler';
export * from './job-handlers';
export * from './job-leases';
export * from './job-queue';
export * from './job-runner';
export * from './jobs.module';
