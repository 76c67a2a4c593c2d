export * from './housekeeping-job';
export * from './housekeeping.module';
export * from './housekeeping.service';
export * from './jobs/quiet-threshold';
export * from './jobs/retention-target';
export * from './lock/job-lock';
export * from './lock/lease-store';
