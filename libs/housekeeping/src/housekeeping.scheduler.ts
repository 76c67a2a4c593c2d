import { hasRole } from '@csms/cluster';
import { APP_CONFIG, AppConfig } from '@csms/common';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { HousekeepingJobName } from './housekeeping-job';
import { HousekeepingService } from './housekeeping.service';

/**
 * Starts each job at its interval on instances with the `worker` role. Every instance may try; the
 * job's lock lets one run. The first run comes one interval after start-up.
 */
@Injectable()
export class HousekeepingScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(HousekeepingScheduler.name);
  private readonly running = new Map<HousekeepingJobName, Promise<void>>();
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly registry: SchedulerRegistry,
    private readonly housekeeping: HousekeepingService,
  ) {}

  onApplicationBootstrap(): void {
    if (!hasRole(this.config, 'worker')) return;
    for (const job of this.housekeeping.jobs.values()) {
      const timer = setInterval(() => this.tick(job.name), job.intervalMs);
      timer.unref();
      this.registry.addInterval(`housekeeping:${job.name}`, timer);
    }
  }

  /** Lets runs in progress finish while the database is still there. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.running.values());
  }

  private tick(name: HousekeepingJobName): void {
    if (this.stopped || this.running.has(name)) return;
    const run = this.housekeeping
      .runOnce(name)
      .then((result) => {
        if (result.ran) this.logger.log({ job: name, ...result.counts }, `Housekeeping ${name} done`);
      })
      .catch((error: unknown) => this.logger.error({ err: error, job: name }, `Housekeeping ${name} failed`))
      .finally(() => this.running.delete(name));
    this.running.set(name, run);
  }
}
