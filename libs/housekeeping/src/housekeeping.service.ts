import { APP_CONFIG, AppConfig } from '@csms/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { HousekeepingJob, HousekeepingJobName, JobCounts } from './housekeeping-job';
import { ApiKeyRemindersJob } from './jobs/api-key-reminders.job';
import { OfflineStationsJob } from './jobs/offline-stations.job';
import { LogRetentionJob } from './jobs/log-retention.job';
import { StaleSessionsJob } from './jobs/stale-sessions.job';
import { JobLock } from './lock/job-lock';

export interface JobRun {
  job: HousekeepingJobName;
  /** False when another instance (or another run here) held the job's lock. */
  ran: boolean;
  startedAt: Date;
  finishedAt: Date;
  counts: JobCounts;
}

/** Runs a housekeeping job under its database lock: one instance at a time in the whole cluster. */
@Injectable()
export class HousekeepingService {
  private readonly logger = new Logger(HousekeepingService.name);
  readonly jobs: ReadonlyMap<HousekeepingJobName, HousekeepingJob>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lock: JobLock,
    offlineStations: OfflineStationsJob,
    staleSessions: StaleSessionsJob,
    logRetention: LogRetentionJob,
    apiKeyReminders: ApiKeyRemindersJob,
  ) {
    this.jobs = new Map(
      [offlineStations, staleSessions, logRetention, apiKeyReminders].map((job) => [job.name, job]),
    );
  }

  /** Runs `name` now, unless another instance holds it; the scheduler calls this, and so may tests. */
  async runOnce(name: HousekeepingJobName): Promise<JobRun> {
    const job = this.jobs.get(name);
    if (!job) throw new Error(`Unknown housekeeping job ${name}`);
    const startedAt = new Date();
    const lease = await this.lock.acquire(name, this.config.HOUSEKEEPING_LOCK_TTL_SECONDS * 1000);
    if (!lease) return { job: name, ran: false, startedAt, finishedAt: startedAt, counts: {} };
    try {
      const counts = await job.run(lease, startedAt.getTime());
      return { job: name, ran: true, startedAt, finishedAt: new Date(), counts };
    } finally {
      await lease
        .release()
        .catch((error: unknown) => this.logger.warn({ err: error, job: name }, 'Could not release the lock'));
    }
  }
}
