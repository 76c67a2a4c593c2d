import { loadConfig } from '@csms/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { HousekeepingJob, HousekeepingJobName } from './housekeeping-job';
import { HousekeepingScheduler } from './housekeeping.scheduler';
import { HousekeepingService, JobRun } from './housekeeping.service';

/** A service whose runs last until the test lets them finish. */
class SlowService {
  readonly jobs = new Map<HousekeepingJobName, Pick<HousekeepingJob, 'name' | 'intervalMs'>>([
    ['offline-stations', { name: 'offline-stations', intervalMs: 20 }],
    ['log-retention', { name: 'log-retention', intervalMs: 3_600_000 }],
  ]);
  readonly started: HousekeepingJobName[] = [];
  private finish: (() => void)[] = [];

  runOnce(name: HousekeepingJobName): Promise<JobRun> {
    this.started.push(name);
    return new Promise((resolve) =>
      this.finish.push(() =>
        resolve({ job: name, ran: true, startedAt: new Date(), finishedAt: new Date(), counts: {} }),
      ),
    );
  }

  finishAll(): void {
    this.finish.splice(0).forEach((finish) => finish());
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('HousekeepingScheduler', () => {
  it('starts each job at its interval, never twice at once here, and waits for runs on shutdown', async () => {
    const registry = new SchedulerRegistry();
    const service = new SlowService();
    const scheduler = new HousekeepingScheduler(
      loadConfig({}),
      registry,
      service as unknown as HousekeepingService,
    );
    scheduler.onApplicationBootstrap();
    expect(registry.getIntervals().sort()).toEqual([
      'housekeeping:log-retention',
      'housekeeping:offline-stations',
    ]);
    await wait(110);
    expect(service.started).toEqual(['offline-stations']);
    service.finishAll();
    await wait(50);
    expect(service.started.length).toBeGreaterThanOrEqual(2);
    let stopped = false;
    const stopping = scheduler.onModuleDestroy().then(() => (stopped = true));
    await wait(10);
    expect(stopped).toBe(false);
    service.finishAll();
    await stopping;
    registry.getIntervals().forEach((name) => registry.deleteInterval(name));
  });

  it('schedules nothing on an instance without the worker role', () => {
    const registry = new SchedulerRegistry();
    const scheduler = new HousekeepingScheduler(
      loadConfig({ SERVER_ROLES: 'api,ocpp' }),
      registry,
      new SlowService() as unknown as HousekeepingService,
    );
    scheduler.onApplicationBootstrap();
    expect(registry.getIntervals()).toEqual([]);
  });
});
