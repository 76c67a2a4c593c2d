import { Lease } from './lock/job-lock';

export const HOUSEKEEPING_JOBS = [
  'offline-stations',
  'stale-sessions',
  'log-retention',
  'api-key-reminders',
] as const;

export type HousekeepingJobName = (typeof HOUSEKEEPING_JOBS)[number];

/** What a run did, e.g. `{ offline: 2, keptOnline: 1 }`. */
export type JobCounts = Record<string, number>;

/** One scheduled job; HousekeepingService runs it under its lock. */
export abstract class HousekeepingJob {
  abstract readonly name: HousekeepingJobName;
  /** How often the scheduler starts it. */
  abstract readonly intervalMs: number;
  /** Does the work while `lease.held` (stopping early otherwise); `now` is when the run started. */
  abstract run(lease: Lease, now: number): Promise<JobCounts>;
}
