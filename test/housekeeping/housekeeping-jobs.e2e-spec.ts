import { DEFAULT_TENANT_ID } from '@csms/common';
import { newId } from '@csms/database';
import { DomainEvent, EventBus } from '@csms/events';
import { HousekeepingService, JobLock, LeaseStore } from '@csms/housekeeping';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { stationDocumentId } from '@csms/stations';
import { TransactionProgressWriter } from '@csms/transactions/transaction-progress-writer';
import { RPCClient } from 'ocpp-rpc';
import { SoapTestStation } from '../ocpp-soap/support/soap-test-station';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { Mailpit } from '../support/mailpit';
import { connectStation } from '../support/ocpp-station';
import { TestApp, startTestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ago = (ms: number) => new Date(Date.now() - ms);

interface StationUpdate {
  id: string;
  online: boolean;
}

describe('housekeeping jobs (one instance, real database, OCPP-J and OCPP-S stations)', () => {
  let mailpit: Mailpit;
  let server: TestApp;
  let admin: { email: string; client: GraphQLClient };
  let housekeeping: HousekeepingService;
  let db: Connection;
  const stations: RPCClient[] = [];
  const soapStations: SoapTestStation[] = [];
  const events: DomainEvent[] = [];

  const stationUpdates = (id: string): StationUpdate[] =>
    events
      .filter((event) => event.type === 'ChargingStationUpdated')
      .map((event) => event.payload as StationUpdate)
      .filter((station) => station.id === id);
  const online = async (id: string): Promise<boolean> => {
    const { chargingStation } = await admin.client.data<{ chargingStation: { online: boolean } }>(
      'query($id: ID!) { chargingStation(id: $id) { online } }',
      { id },
    );
    return chargingStation.online;
  };
  /** What the station's silence looks like in the database: its last message long ago. */
  const lastSeen = (stationId: string, at: Date) =>
    db
      .collection('charging_stations')
      .updateOne({ tenantId: 'default', stationId }, { $set: { lastSeen: at } });

  beforeAll(async () => {
    mailpit = await Mailpit.start();
    server = await startTestApp('housekeeping-jobs', {
      SMTP_URL: mailpit.smtpUrl,
      NOTIFICATION_RETRY_BASE_MS: '600000',
    });
    admin = await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN');
    housekeeping = server.app.get(HousekeepingService);
    db = server.app.get<Connection>(getConnectionToken());
    const bus = server.app.get(EventBus);
    for (const type of ['ChargingStationUpdated', 'TransactionStopped']) {
      bus.subscribe(type, (event) => void events.push(event));
    }
  });
  afterAll(async () => {
    await Promise.all(stations.map((station) => station.close({ force: true })));
    await Promise.all(soapStations.map((station) => station.close()));
    await server?.close();
    await mailpit?.stop();
  });

  it('marks quiet SOAP stations and orphaned JSON stations offline, with an event and an email; not live ones', async () => {
    const soapUrl = `${server.httpUrl}/ocpp/soap/default/1.6`;
    const boot = { chargePointVendor: 'SoapVendor', chargePointModel: 'S-1' };
    const [quietSoap, chattySoap] = [
      await SoapTestStation.start('1.6', soapUrl, 'CS-SOAP-QUIET'),
      await SoapTestStation.start('1.6', soapUrl, 'CS-SOAP-CHATTY'),
    ];
    soapStations.push(quietSoap, chattySoap);
    await quietSoap.call('BootNotification', boot);
    await chattySoap.call('BootNotification', boot);
    // A station of an instance that died: recorded online, its socket long gone.
    await db.collection('charging_stations').insertOne({
      _id: stationDocumentId(DEFAULT_TENANT_ID, 'CS-JSON-ORPHAN') as never,
      tenantId: 'default',
      stationId: 'CS-JSON-ORPHAN',
      online: true,
      ocppProtocol: 'json',
      ocppVersion: '1.6',
      heartbeatIntervalSeconds: 300,
      lastSeen: ago(30 * MINUTE),
      connectors: {},
    });
    // Connected, but only sending MeterValues for a while: lastSeen stays old, the socket is live.
    const live = await connectStation(server.wsUrl, 'CS-JSON-LIVE');
    stations.push(live);
    await live.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    await lastSeen('CS-SOAP-QUIET', ago(16 * MINUTE));
    await lastSeen('CS-JSON-LIVE', ago(60 * MINUTE));
    // Quiet for less than 3 heartbeat intervals (3 × 300 s): still present.
    await lastSeen('CS-SOAP-CHATTY', ago(14 * MINUTE));
    events.length = 0;

    const run = await housekeeping.runOnce('offline-stations');
    expect(run).toMatchObject({ ran: true, counts: { offline: 2, keptOnline: 1 } });
    expect(stationUpdates('CS-SOAP-QUIET')).toEqual([expect.objectContaining({ online: false })]);
    expect(stationUpdates('CS-JSON-ORPHAN')).toEqual([expect.objectContaining({ online: false })]);
    expect(stationUpdates('CS-JSON-LIVE')).toEqual([]);
    expect(stationUpdates('CS-SOAP-CHATTY')).toEqual([]);
    expect(await online('CS-SOAP-QUIET')).toBe(false);
    expect(await online('CS-JSON-ORPHAN')).toBe(false);
    expect(await online('CS-JSON-LIVE')).toBe(true);
    expect(await online('CS-SOAP-CHATTY')).toBe(true);
    for (const id of ['CS-SOAP-QUIET', 'CS-JSON-ORPHAN']) {
      const mail = await mailpit.waitFor(admin.email, (received) => received.subject.includes(id));
      expect(mail.subject).toBe(`Default: station ${id} is offline`);
    }

    expect((await housekeeping.runOnce('offline-stations')).counts).toEqual({ offline: 0, keptOnline: 1 });
    // The SOAP station speaks again: online again, announced.
    await quietSoap.call('Heartbeat', {});
    await eventually(
      async () => stationUpdates('CS-SOAP-QUIET').at(-1)?.online,
      (isOnline) => isOnline === true,
    );
    expect(await online('CS-SOAP-QUIET')).toBe(true);
  });

  it('closes sessions with no news for HOUSEKEEPING_STALE_SESSION_HOURS, with their reason and TransactionStopped', async () => {
    await createTag(admin.client, { id: 'HK-BADGE' });
    const station = await connectStation(server.wsUrl, 'CS-HK-SESSIONS');
    stations.push(station);
    await station.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
    const start = async (connectorId: number, startedAt: Date) =>
      (
        (await station.call('StartTransaction', {
          connectorId,
          idTag: 'HK-BADGE',
          meterStart: 1000,
          timestamp: startedAt.toISOString(),
        })) as { transactionId: number }
      ).transactionId;
    const forgotten = await start(1, ago(30 * 60 * MINUTE));
    const longButMetered = await start(2, ago(30 * 60 * MINUTE));
    const fresh = await start(3, ago(MINUTE));
    await station.call('MeterValues', {
      connectorId: 1,
      transactionId: forgotten,
      meterValue: [
        {
          timestamp: ago(29 * 60 * MINUTE).toISOString(),
          sampledValue: [{ value: '3500', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
        },
      ],
    });
    await station.call('MeterValues', {
      connectorId: 2,
      transactionId: longButMetered,
      meterValue: [
        {
          timestamp: ago(MINUTE).toISOString(),
          sampledValue: [{ value: '9000', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }],
        },
      ],
    });
    const transactions = db.collection('transactions');
    // The sessions' progress reaches their documents in the background: here, at once.
    await server.app.get(TransactionProgressWriter).flush();
    expect(
      await transactions.countDocuments({
        chargingStationId: 'CS-HK-SESSIONS',
        lastMeterValueAt: { $exists: true },
      }),
    ).toBe(2);
    events.length = 0;

    const run = await housekeeping.runOnce('stale-sessions');
    expect(run).toMatchObject({ ran: true, counts: { closed: 1 } });
    const stopped = events.filter((event) => event.type === 'TransactionStopped');
    expect(stopped).toEqual([
      expect.objectContaining({
        payload: expect.objectContaining({
          ocppTransactionId: String(forgotten),
          active: false,
          stopReason: 'StaleSession',
          energyWh: 2500,
        }),
      }),
    ]);
    const stored = await transactions
      .find(
        { chargingStationId: 'CS-HK-SESSIONS' },
        { projection: { ocppTransactionId: 1, active: 1, stopReason: 1 } },
      )
      .toArray();
    const byId = Object.fromEntries(stored.map((doc) => [doc.ocppTransactionId as string, doc]));
    expect(byId[String(forgotten)]).toMatchObject({ active: false, stopReason: 'StaleSession' });
    expect(byId[String(longButMetered)]).toMatchObject({ active: true });
    expect(byId[String(fresh)]).toMatchObject({ active: true });
    expect((await housekeeping.runOnce('stale-sessions')).counts).toEqual({ closed: 0 });
  });

  it('deletes logs past their retention and keeps recent ones, in every tenant', async () => {
    await db.collection('tenants').insertOne({
      _id: 'hk-other' as never,
      name: 'Other',
      active: true,
      registrationPolicy: 'OPEN',
      locales: ['en'],
      components: [],
    });
    const rows = (tenantId: string, field: string, age: number, extra: Record<string, unknown> = {}) => ({
      _id: newId() as never,
      tenantId,
      chargingStationId: 'CS-LOG',
      [field]: ago(age),
      ...extra,
    });
    const seed = async (collection: string, field: string, ages: number[], extra = {}) => {
      for (const tenantId of ['default', 'hk-other']) {
        await db.collection(collection).insertMany(ages.map((age) => rows(tenantId, field, age, extra)));
      }
    };
    // OCPP log: 30 days; station logs: 90 days; emails given up on: 30 days.
    await seed('ocpp_messages', 'at', [45 * DAY, 31 * DAY, 29 * DAY, DAY], { stationId: 'CS-LOG' });
    await seed('station_data_transfers', 'createdAt', [120 * DAY, 45 * DAY, DAY]);
    await seed('station_meter_values', 'timestamp', [120 * DAY, 45 * DAY]);
    await seed('ocpp201_station_notifications', 'receivedAt', [120 * DAY, DAY]);
    await seed('notification_jobs', 'failedAt', [45 * DAY, DAY], { to: 'x@example.com' });
    // Still being retried: an old job without failedAt stays whatever its age.
    await seed('notification_jobs', 'createdAt', [45 * DAY], { to: 'pending@example.com' });

    const run = await housekeeping.runOnce('log-retention');
    expect(run).toMatchObject({
      ran: true,
      counts: {
        ocppMessages: 4,
        stationDataTransfers: 2,
        stationMeterValues: 2,
        ocpp201StationReports: 2,
        failedNotifications: 2,
      },
    });
    const left = (collection: string, filter = {}) => db.collection(collection).countDocuments(filter);
    expect(await left('ocpp_messages', { stationId: 'CS-LOG' })).toBe(4);
    expect(await left('ocpp_messages', { at: { $lt: ago(30 * DAY) } })).toBe(0);
    expect(await left('station_data_transfers', { chargingStationId: 'CS-LOG' })).toBe(4);
    expect(await left('station_meter_values', { chargingStationId: 'CS-LOG' })).toBe(2);
    expect(await left('ocpp201_station_notifications', { chargingStationId: 'CS-LOG' })).toBe(2);
    expect(await left('notification_jobs', { to: 'x@example.com' })).toBe(2);
    expect(await left('notification_jobs', { to: 'pending@example.com' })).toBe(2);
  });

  it('does not run a job another instance holds, and runs it once the lease is released', async () => {
    const otherInstance = new JobLock(server.app.get(LeaseStore), 'another-instance');
    const lease = await otherInstance.acquire('stale-sessions', MINUTE);
    expect(lease).not.toBeNull();
    expect(await housekeeping.runOnce('stale-sessions')).toMatchObject({ ran: false, counts: {} });
    await lease!.release();
    expect(await housekeeping.runOnce('stale-sessions')).toMatchObject({ ran: true });
    // A lease left behind by a crashed instance blocks the job only until it expires.
    const crashed = await otherInstance.acquire('stale-sessions', 300);
    expect(crashed).not.toBeNull();
    expect((await housekeeping.runOnce('stale-sessions')).ran).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await housekeeping.runOnce('stale-sessions')).ran).toBe(true);
    const leases = await db.collection('housekeeping_locks').find({ job: 'stale-sessions' }).toArray();
    expect(new Set(leases.map((doc) => doc._id)).size).toBe(leases.length);
  });

  it("keeps another instance's lease, renewed in place, past its first expiry", async () => {
    const otherInstance = new JobLock(server.app.get(LeaseStore), 'another-instance');
    const lease = (await otherInstance.acquire('offline-stations', 3000))!;
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    // Renewed at 40 to 60 % of its time, half a second before its margin.
    await wait(1850);
    expect(await lease.keep()).toBe(true);
    await wait(1300);
    // Past the first expiry (3 s): still the other instance's, in the same document.
    expect((await housekeeping.runOnce('offline-stations')).ran).toBe(false);
    const [stored] = await db
      .collection('housekeeping_locks')
      .find({ _id: `offline-stations:${lease.generation}` as never })
      .toArray();
    expect(stored.expiresAt.getTime()).toBe(lease.expiresAt.getTime());
    expect(stored.expiresAt.getTime()).toBeGreaterThan(Date.now());
    await lease.release();
    expect((await housekeeping.runOnce('offline-stations')).ran).toBe(true);
  });
});
