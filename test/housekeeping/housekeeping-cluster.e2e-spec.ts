import { HousekeepingJobName, HousekeepingService, JobRun } from '@csms/housekeeping';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { RPCClient } from 'ocpp-rpc';
import { uniqueDatabaseUri } from '../setup/test-database';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { connectStation } from '../support/ocpp-station';
import { RedisServer } from '../support/redis-server';
import { TestApp, startTestApp } from '../support/test-app';
import { createUserAndLogin } from '../support/users';

const JOBS: HousekeepingJobName[] = ['offline-stations', 'stale-sessions', 'log-retention'];
/** How long the instrumented jobs take: far longer than taking a lock. */
const RUN_MS = 400;

describe('housekeeping on two instances sharing one database and Redis', () => {
  let redis: RedisServer;
  let first: TestApp;
  let second: TestApp;
  let admin: GraphQLClient;
  let station: RPCClient | undefined;

  beforeAll(async () => {
    redis = await RedisServer.start();
    const shared = { MONGODB_URI: uniqueDatabaseUri('housekeeping_cluster'), REDIS_URL: redis.url };
    // One after the other: both would seed the first admin into the same database.
    first = await startTestApp('housekeeping-cluster', shared);
    second = await startTestApp('housekeeping-cluster', shared);
    admin = (await createUserAndLogin(await loginAsAdmin(first.httpUrl), 'ADMIN')).client;
  });
  afterAll(async () => {
    await station?.close({ force: true });
    await second?.close();
    await first?.close();
    await redis?.stop();
  });

  it('keeps a quiet JSON station online while another instance holds its connection', async () => {
    station = await connectStation(first.wsUrl, 'CS-HK-ELSEWHERE');
    await station.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    await second.app
      .get<Connection>(getConnectionToken())
      .collection('charging_stations')
      .updateOne(
        { tenantId: 'default', stationId: 'CS-HK-ELSEWHERE' },
        { $set: { lastSeen: new Date(Date.now() - 3_600_000) } },
      );

    const run = await second.app.get(HousekeepingService).runOnce('offline-stations');
    expect(run).toMatchObject({ ran: true, counts: { offline: 0, keptOnline: 1 } });
    const { chargingStation } = await admin.data<{ chargingStation: { online: boolean } }>(
      '{ chargingStation(id: "CS-HK-ELSEWHERE") { online } }',
    );
    expect(chargingStation.online).toBe(true);
  });

  it('never runs a job on both instances at the same time', async () => {
    const services = [first, second].map((app) => app.app.get(HousekeepingService));
    // Each run takes RUN_MS longer, so two runs started together would overlap without the lock.
    for (const service of services) {
      for (const job of service.jobs.values()) {
        const run = job.run.bind(job);
        job.run = async (lease, now) => {
          await new Promise((resolve) => setTimeout(resolve, RUN_MS));
          return run(lease, now);
        };
      }
    }
    const runs: JobRun[] = [];
    for (let round = 0; round < 4; round += 1) {
      for (const job of JOBS) {
        const together = await Promise.all(services.map((service) => service.runOnce(job)));
        expect(together.filter((run) => run.ran)).toHaveLength(1);
        runs.push(...together);
      }
    }
    for (const job of JOBS) {
      const ran = runs
        .filter((run) => run.job === job && run.ran)
        .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
      for (let index = 1; index < ran.length; index += 1) {
        expect(ran[index].startedAt.getTime()).toBeGreaterThanOrEqual(ran[index - 1].finishedAt.getTime());
      }
    }
  });
});
