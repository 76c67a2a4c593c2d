import { APP_CONFIG, AppConfig, TenantId, asTenantId } from '@csms/common';
import { HousekeepingLockRepository, JobLock } from '@csms/housekeeping';
import { SiteAreaService } from '@csms/organizations';
import { SiteAreaLoadRepository } from '@csms/smart-charging/load/site-area-load.repository';
import { SmartChargingRunner } from '@csms/smart-charging/planning/smart-charging.runner';
import { SnapshotReader } from '@csms/smart-charging/planning/snapshot.reader';
import { SmartChargingPlanRepository } from '@csms/smart-charging/plans/smart-charging-plan.repository';
import { SmartChargingScheduler } from '@csms/smart-charging/triggers/smart-charging.scheduler';
import { TenantService } from '@csms/users';
import { setTimeout as sleep } from 'node:timers/promises';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { TestApp, startTestApp } from '../support/test-app';
import { createUserAndLogin, eventually } from '../support/users';
import { createArea, createSite } from './support/smart-charging-fleet';

const DEBOUNCE_MS = 400;
const TENANT: TenantId = asTenantId('default');

/**
 * When smart charging plans, on the real app and its embedded database: the real scheduler, snapshot
 * reader, runner and database lock. The runner is only watched (each run counted, and held open when
 * a case needs a run in progress); every run is the real one.
 */
describe('smart charging scheduler: debounce, a trigger during a run, one run per tree across instances, periodic runs', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let scheduler: SmartChargingScheduler;
  let plans: SmartChargingPlanRepository;
  let hallId: string;
  let bayId: string;
  let yardId: string;
  /** The root area of each run, in the order they started. */
  const runs: string[] = [];
  let active = 0;
  let mostAtOnce = 0;
  /** While set, runs wait for it before planning. */
  let hold: Promise<void> | undefined;

  /** Another instance's scheduler on the same database: its own lock owner, the same collaborators. */
  const otherInstance = (config: Partial<AppConfig> = {}): SmartChargingScheduler => {
    const app = server.app;
    return new SmartChargingScheduler(
      { ...app.get<AppConfig>(APP_CONFIG), ...config },
      new JobLock(app.get(HousekeepingLockRepository), 'other-instance'),
      app.get(SnapshotReader),
      app.get(SmartChargingRunner),
      plans,
      app.get(SiteAreaLoadRepository),
      app.get(SiteAreaService),
      app.get(TenantService),
    );
  };
  const holdRuns = (): (() => void) => {
    let release!: () => void;
    hold = new Promise((resolve) => (release = resolve));
    return () => {
      hold = undefined;
      release();
    };
  };
  /** Waits until `count` runs have finished, then a few debounces more, to see none follows. */
  const settledAt = async (count: number): Promise<void> => {
    await eventually(
      async () => ({ started: runs.length, active }),
      (now) => now.started >= count && now.active === 0,
    );
    await sleep(3 * DEBOUNCE_MS);
  };
  /** triggerSmartCharging from the sub-area: when the plan it returns was computed. */
  const triggerBay = async (): Promise<number> =>
    Date.parse(
      (
        await admin.data<{ triggerSmartCharging: { computedAt: string } }>(
          'mutation($id: ID!) { triggerSmartCharging(siteAreaId: $id) { computedAt } }',
          { id: bayId },
        )
      ).triggerSmartCharging.computedAt,
    );
  const reset = () => {
    runs.length = 0;
    mostAtOnce = 0;
  };

  beforeAll(async () => {
    // Without the worker role: the app's own periodic runs stay out of the counts.
    server = await startTestApp('smart_charging_scheduler', {
      SMART_CHARGING_DEBOUNCE_MS: String(DEBOUNCE_MS),
      SERVER_ROLES: 'api,ocpp',
    });
    admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    scheduler = server.app.get(SmartChargingScheduler);
    plans = server.app.get(SmartChargingPlanRepository);
    const runner = server.app.get(SmartChargingRunner);
    const run = runner.run.bind(runner);
    jest.spyOn(runner, 'run').mockImplementation(async (tenantId, root, areas) => {
      runs.push(root.id);
      active += 1;
      mostAtOnce = Math.max(mostAtOnce, active);
      try {
        await hold;
        return await run(tenantId, root, areas);
      } finally {
        active -= 1;
      }
    });
    const siteId = await createSite(admin, 'Scheduler depot');
    hallId = await createArea(admin, siteId, { name: 'Hall', maximumCurrentAmps: 32 });
    bayId = await createArea(admin, siteId, {
      name: 'Bay',
      maximumCurrentAmps: 16,
      parentSiteAreaId: hallId,
    });
    yardId = await createArea(admin, await createSite(admin, 'Other depot'), {
      name: 'Yard',
      maximumCurrentAmps: 63,
    });
    // The areas' creation planned their trees.
    await eventually(
      async () => Promise.all([plans.ofRoot(TENANT, hallId), plans.ofRoot(TENANT, yardId)]),
      (found) => found.every((plan) => plan !== null),
    );
    await settledAt(0);
  });

  afterAll(async () => {
    await server?.close();
  });

  beforeEach(reset);

  it('makes one run of the triggers of one tree within the debounce, from the area and its sub-area', async () => {
    for (let trigger = 0; trigger < 3; trigger++) {
      scheduler.schedule(TENANT, hallId);
      scheduler.schedule(TENANT, bayId);
    }
    await settledAt(1);
    expect(runs).toEqual([hallId]);
  });

  it('plans again after a run when a trigger came during it, once', async () => {
    const release = holdRuns();
    scheduler.schedule(TENANT, bayId);
    await eventually(
      async () => active,
      (now) => now === 1,
    );
    // Two triggers while the run is held: the run read the tree before them.
    scheduler.schedule(TENANT, hallId);
    await sleep(DEBOUNCE_MS * 2);
    scheduler.schedule(TENANT, bayId);
    await sleep(DEBOUNCE_MS * 2);
    expect(runs).toEqual([hallId]);
    release();
    await settledAt(2);
    expect(runs).toEqual([hallId, hallId]);
    expect(mostAtOnce).toBe(1);
  });

  it('triggerSmartCharging during a run here waits for it and returns the plan of a run of its own', async () => {
    const release = holdRuns();
    scheduler.schedule(TENANT, hallId);
    await eventually(
      async () => active,
      (now) => now === 1,
    );
    const triggered = triggerBay();
    await sleep(DEBOUNCE_MS);
    release();
    const computedAt = await triggered;
    await settledAt(2);
    expect(runs).toEqual([hallId, hallId]);
    // The plan returned is the second run's, the one that began after the trigger.
    expect(computedAt).toBe((await plans.ofRoot(TENANT, hallId))!.computedAt.getTime());
  });

  it('runs one tree in one instance at a time through the database lock; the other instance plans after it', async () => {
    const other = otherInstance();
    try {
      const release = holdRuns();
      scheduler.schedule(TENANT, hallId);
      await eventually(
        async () => active,
        (now) => now === 1,
      );
      const before = await plans.ofRoot(TENANT, hallId);
      // The other instance finds the tree's lock taken, and tries again a debounce later, and again.
      other.schedule(TENANT, bayId);
      await sleep(DEBOUNCE_MS * 4);
      expect(runs).toEqual([hallId]);
      // Another tree is not held by it.
      other.schedule(TENANT, yardId);
      await eventually(
        async () => runs,
        (now) => now.includes(yardId),
      );
      release();
      await settledAt(3);
      expect(runs).toEqual([hallId, yardId, hallId]);
      const after = await plans.ofRoot(TENANT, hallId);
      expect(after!.computedAt.getTime()).toBeGreaterThan(before!.computedAt.getTime());
      // Hall's two runs never overlapped: only Yard's ran beside the held one.
      expect(mostAtOnce).toBe(2);
    } finally {
      await other.onModuleDestroy();
    }
  });

  it('triggerSmartCharging waits for the other instance’s run and returns a plan computed after it', async () => {
    const other = otherInstance();
    try {
      const release = holdRuns();
      other.schedule(TENANT, hallId);
      await eventually(
        async () => active,
        (now) => now === 1,
      );
      const triggered = triggerBay();
      await sleep(DEBOUNCE_MS * 2);
      expect(runs).toEqual([hallId]);
      const releasedAt = Date.now();
      release();
      const computedAt = await triggered;
      expect(computedAt).toBeGreaterThanOrEqual(releasedAt);
      await settledAt(2);
      expect(runs).toEqual([hallId, hallId]);
    } finally {
      await other.onModuleDestroy();
    }
  });

  it('the periodic run plans a tree whose last plan is older than the period, not one planned lately', async () => {
    const periodMs = server.config.SMART_CHARGING_PERIOD_SECONDS * 1000;
    const yard = (await plans.ofRoot(TENANT, yardId))!;
    await plans.save(TENANT, { ...yard, computedAt: new Date(Date.now() - periodMs - 60_000) });
    await scheduler.runNow(TENANT, hallId);
    reset();

    // One tick of the periodic run, as the worker's timer makes it.
    await scheduler['periodicTick']();
    expect(runs).toEqual([yardId]);
    expect(Date.now() - (await plans.ofRoot(TENANT, yardId))!.computedAt.getTime()).toBeLessThan(periodMs);
  });
});
