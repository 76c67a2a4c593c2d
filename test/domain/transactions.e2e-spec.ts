import { DEFAULT_TENANT_ID } from '@csms/common';
import { CHARGING_PROFILE_SET, StationInbound } from '@csms/stations';
import { EventBus, domainEvent } from '@csms/events';
import {
  ConsumptionBatchWriter,
  MeterValue,
  TRANSACTION_STOPPED,
  TransactionEvent,
  TransactionInbound,
} from '@csms/transactions';
import { ActiveTransactionCache } from '@csms/transactions/active-transaction-cache';
import { TransactionProgressWriter } from '@csms/transactions/transaction-progress-writer';
import { getConnectionToken } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { graphqlWsClient, subscribe } from '../support/subscriptions';
import { TestApp, startTestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';

const tenant = DEFAULT_TENANT_ID;
const JSON_16 = { ocppVersion: '1.6', ocppProtocol: 'json' } as const;
const T0 = new Date('2026-03-01T08:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

const TRANSACTION_FIELDS = `id ocppTransactionId chargingStationId connectorId tagId active startedAt stoppedAt
  meterStartWh meterStopWh energyWh stopReason user { id email }
  consumptions { timestamp cumulatedWh instantWatts instantAmps stateOfCharge }`;

interface TransactionView {
  id: string;
  ocppTransactionId: string;
  active: boolean;
  energyWh: number;
  stopReason: string | null;
  meterStopWh: number | null;
  user: { id: string } | null;
  consumptions: {
    timestamp: string;
    cumulatedWh: number;
    instantWatts: number | null;
    stateOfCharge: number | null;
  }[];
}

const register = (wh: number, extra: MeterValue['sampledValues'] = []): MeterValue['sampledValues'] => [
  { value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
  ...extra,
];

describe('transactions domain', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let driver: { id: string; client: GraphQLClient };
  let other: { id: string; client: GraphQLClient };
  let transactions: TransactionInbound;
  let stations: StationInbound;

  const byOcppId = async (
    client: GraphQLClient,
    ocppTransactionId: string,
  ): Promise<TransactionView | undefined> => {
    const { transactions: page } = await client.data<{
      transactions: { edges: { node: TransactionView }[] };
    }>(`{ transactions(first: 100) { edges { node { ${TRANSACTION_FIELDS} } } } }`);
    return page.edges.map((edge) => edge.node).find((node) => node.ocppTransactionId === ocppTransactionId);
  };

  beforeAll(async () => {
    server = await startTestApp('transactions');
    const superAdmin = await loginAsAdmin(server.httpUrl);
    admin = (await createUserAndLogin(superAdmin, 'ADMIN')).client;
    driver = await createUserAndLogin(superAdmin, 'BASIC');
    other = await createUserAndLogin(superAdmin, 'BASIC');
    await createTag(admin, { id: 'DRIVER', userId: driver.id, parentTagId: 'FLEET' });
    await createTag(admin, { id: 'OTHER', userId: other.id });
    await createTag(admin, { id: 'BLOCKED', active: false });
    await createTag(admin, { id: 'OLD', expiresAt: '2020-01-01T00:00:00Z' });
    transactions = server.app.get(TransactionInbound);
    stations = server.app.get(StationInbound);
    // As the OCPP-J edge does: the connection first, then the boot.
    await stations.connected(tenant, 'CS-T', JSON_16);
    await stations.boot(tenant, 'CS-T', { vendor: 'V', model: 'M' }, JSON_16);
  });
  afterAll(() => server.close());

  it('authorizes tags: Accepted with parentIdTag, Blocked, Expired, Invalid', async () => {
    expect(await transactions.authorize(tenant, 'CS-T', 'DRIVER')).toEqual({
      status: 'Accepted',
      parentIdTag: 'FLEET',
    });
    expect((await transactions.authorize(tenant, 'CS-T', 'BLOCKED')).status).toBe('Blocked');
    expect((await transactions.authorize(tenant, 'CS-T', 'OLD')).status).toBe('Expired');
    expect((await transactions.authorize(tenant, 'CS-T', 'NOBODY')).status).toBe('Invalid');
  });

  it('charges a session with a live curve seen over graphql-ws, then stops it', async () => {
    const started = await transactions.start(tenant, 'CS-T', {
      connectorId: 1,
      idTag: 'DRIVER',
      meterStartWh: 10_000,
      timestamp: T0,
    });
    expect(started.idTagInfo.status).toBe('Accepted');
    expect(started.ocppTransactionId).toMatch(/^\d+$/);
    const session = await byOcppId(admin, started.ocppTransactionId);
    expect(session).toMatchObject({ active: true, energyWh: 0, user: { id: driver.id } });
    const connectorOf = async () =>
      (
        await admin.data<{
          chargingStation: { connectors: { connectorId: number; currentTransactionId: string | null }[] };
        }>('{ chargingStation(id: "CS-T") { connectors { connectorId currentTransactionId } } }')
      ).chargingStation.connectors.find((connector) => connector.connectorId === 1);
    await eventually(connectorOf, (connector) => connector?.currentTransactionId === session!.id);

    const ws = graphqlWsClient(server.wsUrl, driver.client.bearer);
    const curve = subscribe<{
      consumptionAdded: { cumulatedWh: number; instantWatts: number; stateOfCharge: number };
    }>(
      ws,
      'subscription($id: ID!) { consumptionAdded(transactionId: $id) { cumulatedWh instantWatts stateOfCharge } }',
      { id: session!.id },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await transactions.meterValues(tenant, 'CS-T', 1, started.ocppTransactionId, [
        {
          timestamp: minutes(1),
          sampledValues: register(10_100, [
            { value: '7.4', measurand: 'Power.Active.Import', unit: 'kW' },
            { value: '42', measurand: 'SoC', unit: 'Percent', location: 'EV' },
          ]),
        },
      ]);
      expect((await curve.next()).consumptionAdded).toEqual({
        cumulatedWh: 100,
        instantWatts: 7400,
        stateOfCharge: 42,
      });
      await transactions.meterValues(tenant, 'CS-T', 1, started.ocppTransactionId, [
        { timestamp: minutes(7), sampledValues: register(10_800) },
      ]);
      // 700 Wh in 6 minutes: 7000 W derived from the register alone.
      expect((await curve.next()).consumptionAdded).toMatchObject({ cumulatedWh: 800, instantWatts: 7000 });
    } finally {
      await curve.close();
    }

    // Stored as soon as meterValues resolved: the batch writer acknowledges only what is written.
    const during = await byOcppId(admin, started.ocppTransactionId);
    expect(during?.energyWh).toBe(800);
    expect(during?.consumptions.map((point) => point.cumulatedWh)).toEqual([100, 800]);

    await transactions.stop(tenant, 'CS-T', {
      ocppTransactionId: started.ocppTransactionId,
      meterStopWh: 11_500,
      timestamp: minutes(20),
      idTag: 'DRIVER',
      reason: 'EVDisconnected',
      transactionData: [{ timestamp: minutes(10), sampledValues: register(11_000) }],
    });
    const stopped = await byOcppId(admin, started.ocppTransactionId);
    expect(stopped).toMatchObject({
      active: false,
      energyWh: 1500,
      meterStopWh: 11_500,
      stopReason: 'EVDisconnected',
    });
    expect(stopped?.consumptions.map((point) => point.cumulatedWh)).toEqual([100, 800, 1000, 1500]);
    expect(stopped?.consumptions.at(-1)?.timestamp).toBe(minutes(20).toISOString());
    await eventually(connectorOf, (connector) => connector?.currentTransactionId === null);

    const raw = await server.app
      .get<Connection>(getConnectionToken())
      .collection('consumptions')
      .findOne({ transactionId: session!.id, timestamp: minutes(1) });
    expect((JSON.parse(raw?.pointJson as string) as { sampledValues: unknown[] }).sampledValues).toHaveLength(
      3,
    );
  });

  it('resumes a session from the database once its memory is gone (restart)', async () => {
    const started = await transactions.start(tenant, 'CS-R', {
      connectorId: 1,
      idTag: 'DRIVER',
      meterStartWh: 0,
      timestamp: T0,
    });
    await transactions.meterValues(tenant, 'CS-R', 1, started.ocppTransactionId, [
      { timestamp: minutes(1), sampledValues: register(1000) },
    ]);
    server.app.get(ActiveTransactionCache).evict(tenant, 'CS-R', started.ocppTransactionId);
    await transactions.meterValues(tenant, 'CS-R', 1, started.ocppTransactionId, [
      { timestamp: minutes(2), sampledValues: register(1500) },
    ]);
    const resumed = await byOcppId(admin, started.ocppTransactionId);
    // 500 Wh in one minute: the previous reading came back from the stored curve.
    expect(resumed?.consumptions.map((point) => [point.cumulatedWh, point.instantWatts])).toEqual([
      [1000, null],
      [1500, 30_000],
    ]);
    await server.app.get(TransactionProgressWriter).flush();
    const stored = await server.app
      .get<Connection>(getConnectionToken())
      .collection('transactions')
      .findOne({ tenantId: 'default', chargingStationId: 'CS-R' });
    expect(stored).toMatchObject({ energyWh: 1500, active: true });
  });

  it('puts the limit of an accepted charging profile on the next curve points', async () => {
    const started = await transactions.start(tenant, 'CS-L', {
      connectorId: 2,
      idTag: 'DRIVER',
      meterStartWh: 0,
      timestamp: T0,
    });
    await server.app.get(EventBus).publish(
      domainEvent(CHARGING_PROFILE_SET, tenant, {
        chargingStationId: 'CS-L',
        connectorId: 2,
        profile: {
          chargingProfileId: 7,
          stackLevel: 0,
          purpose: 'TxProfile',
          kind: 'Absolute',
          schedule: { rateUnit: 'A', periods: [{ startPeriod: 0, limit: 10, numberPhases: 1 }] },
        },
      }),
    );
    await transactions.meterValues(tenant, 'CS-L', 2, started.ocppTransactionId, [
      { timestamp: minutes(1), sampledValues: register(100) },
    ]);
    const { transaction } = await admin.data<{ transaction: { consumptions: { limitWatts: number }[] } }>(
      `{ transaction(id: "${(await byOcppId(admin, started.ocppTransactionId))!.id}") { consumptions { limitWatts } } }`,
    );
    expect(transaction.consumptions).toEqual([{ limitWatts: 2300 }]);
  });

  it('returns the same id for a repeated StartTransaction and numbers sessions per tenant', async () => {
    const request = { connectorId: 2, idTag: 'OTHER', meterStartWh: 0, timestamp: minutes(30) };
    const first = await transactions.start(tenant, 'CS-T', request);
    const again = await transactions.start(tenant, 'CS-T', request);
    expect(again.ocppTransactionId).toBe(first.ocppTransactionId);
    const next = await transactions.start(tenant, 'CS-T', {
      ...request,
      connectorId: 3,
      timestamp: minutes(31),
    });
    expect(Number(next.ocppTransactionId)).toBe(Number(first.ocppTransactionId) + 1);
  });

  it('closes the stale session of a busy connector, but not for an older offline replay', async () => {
    const stale = await transactions.start(tenant, 'CS-T', {
      connectorId: 4,
      idTag: 'DRIVER',
      meterStartWh: 0,
      timestamp: minutes(40),
    });
    const fresh = await transactions.start(tenant, 'CS-T', {
      connectorId: 4,
      idTag: 'DRIVER',
      meterStartWh: 0,
      timestamp: minutes(50),
    });
    expect(await byOcppId(admin, stale.ocppTransactionId)).toMatchObject({
      active: false,
      stopReason: 'Superseded',
    });
    expect((await byOcppId(admin, fresh.ocppTransactionId))?.active).toBe(true);

    const replay = await transactions.start(tenant, 'CS-T', {
      connectorId: 4,
      idTag: 'DRIVER',
      meterStartWh: 0,
      timestamp: minutes(45),
    });
    expect((await byOcppId(admin, fresh.ocppTransactionId))?.active).toBe(true);
    await transactions.stop(tenant, 'CS-T', {
      ocppTransactionId: replay.ocppTransactionId,
      meterStopWh: 200,
      timestamp: minutes(46),
    });
    const replayed = await byOcppId(admin, replay.ocppTransactionId);
    expect(replayed).toMatchObject({ active: false, energyWh: 200 });
  });

  it('accepts a StopTransaction for an unknown id', async () => {
    await expect(
      transactions.stop(tenant, 'CS-T', {
        ocppTransactionId: '999999',
        meterStopWh: 1,
        timestamp: minutes(60),
        idTag: 'DRIVER',
      }),
    ).resolves.toEqual({ idTagInfo: { status: 'Accepted', parentIdTag: 'FLEET' } });
  });

  it('closes sessions left open when the station boots again (power loss)', async () => {
    await stations.connected(tenant, 'CS-P', JSON_16);
    await stations.boot(tenant, 'CS-P', { vendor: 'V', model: 'M' }, JSON_16);
    const open = await transactions.start(tenant, 'CS-P', {
      connectorId: 1,
      idTag: 'DRIVER',
      meterStartWh: 500,
      timestamp: minutes(70),
    });
    await transactions.meterValues(tenant, 'CS-P', 1, open.ocppTransactionId, [
      { timestamp: minutes(75), sampledValues: register(900) },
    ]);
    const stoppedEvents: string[] = [];
    const unsubscribe = server.app
      .get(EventBus)
      .subscribe<TransactionEvent>(TRANSACTION_STOPPED, (event) => void stoppedEvents.push(event.payload.id));
    // As the 1.6 adapter does: boot, then close what the station left open (twice: it is idempotent).
    await stations.boot(tenant, 'CS-P', { vendor: 'V', model: 'M' }, JSON_16);
    await Promise.all([
      transactions.closeOpenTransactions(tenant, 'CS-P', 'PowerLoss'),
      transactions.closeOpenTransactions(tenant, 'CS-P', 'PowerLoss'),
    ]);
    unsubscribe();
    const closed = await byOcppId(admin, open.ocppTransactionId);
    expect(closed).toMatchObject({ active: false, stopReason: 'PowerLoss', energyWh: 400 });
    expect(stoppedEvents).toEqual([closed!.id]);
    const after = await transactions.start(tenant, 'CS-P', {
      connectorId: 1,
      idTag: 'DRIVER',
      meterStartWh: 900,
      timestamp: minutes(80),
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await byOcppId(admin, after.ocppTransactionId))?.active).toBe(true);
  });

  it('keeps meter values outside a transaction per station', async () => {
    await transactions.meterValues(tenant, 'CS-T', 1, undefined, [
      { timestamp: minutes(90), sampledValues: register(5) },
    ]);
    await transactions.meterValues(tenant, 'CS-T', 1, '424242', [
      { timestamp: minutes(91), sampledValues: register(6) },
    ]);
    const kept = await server.app
      .get<Connection>(getConnectionToken())
      .collection('station_meter_values')
      .find({ tenantId: 'default', chargingStationId: 'CS-T' })
      .toArray();
    expect(kept.map((doc) => doc.ocppTransactionId ?? null)).toEqual([null, '424242']);
    expect(JSON.parse(kept[1].sampledValuesJson as string)).toEqual([
      expect.objectContaining({ measurand: 'Energy.Active.Import.Register', value: '6' }),
    ]);
  });

  it('shows basic users only their own sessions, filtered as asked', async () => {
    type Page = {
      transactions: { totalCount: number; edges: { node: { tagId: string; active: boolean } }[] };
    };
    const own = await driver.client.data<Page>(
      '{ transactions { totalCount edges { node { tagId active } } } }',
    );
    expect(own.transactions.totalCount).toBeGreaterThan(0);
    expect(own.transactions.edges.every((edge) => edge.node.tagId === 'DRIVER')).toBe(true);
    const theirs = await other.client.data<Page>('{ transactions { totalCount edges { node { tagId } } } }');
    expect(theirs.transactions.edges.map((edge) => edge.node.tagId)).toEqual(['OTHER', 'OTHER']);

    const filtered = await admin.data<Page>(
      `{ transactions(filter: { chargingStationId: "CS-T", active: true, from: "${minutes(30).toISOString()}",
        to: "${minutes(45).toISOString()}" }) { totalCount edges { node { tagId active } } } }`,
    );
    expect(filtered.transactions.totalCount).toBe(2);
    expect(filtered.transactions.edges.every((edge) => edge.node.active)).toBe(true);
    const byUser = await admin.data<Page>(
      `{ transactions(filter: { userId: "${other.id}" }) { totalCount } }`,
    );
    expect(byUser.transactions.totalCount).toBe(2);
  });

  it('hides other people sessions and refuses their remote stop', async () => {
    const { transactions: page } = await other.client.data<{
      transactions: { edges: { node: { id: string } }[] };
    }>('{ transactions { edges { node { id } } } }');
    const foreignId = page.edges[0].node.id;
    expect(await driver.client.data(`{ transaction(id: "${foreignId}") { id } }`)).toEqual({
      transaction: null,
    });
    const stop = 'mutation($id: ID!) { remoteStopTransaction(transactionId: $id) { status } }';
    expect(await driver.client.errorCode(stop, { id: foreignId })).toBe('NOT_FOUND');
    await stations.disconnected(tenant, 'CS-T');
    expect(await admin.errorCode(stop, { id: foreignId })).toBe('STATION_OFFLINE');
  });

  it('pushes transactionUpdated to the session owner only', async () => {
    const ws = graphqlWsClient(server.wsUrl, other.client.bearer);
    const updates = subscribe<{ transactionUpdated: { tagId: string; active: boolean } }>(
      ws,
      'subscription { transactionUpdated(chargingStationId: "CS-U") { tagId active } }',
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await transactions.start(tenant, 'CS-U', {
        connectorId: 1,
        idTag: 'DRIVER',
        meterStartWh: 0,
        timestamp: minutes(100),
      });
      await transactions.start(tenant, 'CS-U', {
        connectorId: 2,
        idTag: 'OTHER',
        meterStartWh: 0,
        timestamp: minutes(100),
      });
      expect((await updates.next()).transactionUpdated).toEqual({ tagId: 'OTHER', active: true });
    } finally {
      await updates.close();
    }
  });

  it('writes concurrent meter values in group-committed batches and stores every acknowledged sample', async () => {
    const sessions = await Promise.all(
      Array.from({ length: 25 }, (_, index) =>
        transactions.start(tenant, `CS-B${index}`, {
          connectorId: 1,
          idTag: 'DRIVER',
          meterStartWh: 0,
          timestamp: minutes(200),
        }),
      ),
    );
    const writer = server.app.get(ConsumptionBatchWriter);
    const before = { ...writer.stats };
    const rounds = 5;
    for (let round = 1; round <= rounds; round += 1) {
      await Promise.all(
        sessions.map((session, index) =>
          transactions.meterValues(tenant, `CS-B${index}`, 1, session.ocppTransactionId, [
            { timestamp: minutes(200 + round), sampledValues: register(round * 100) },
          ]),
        ),
      );
    }
    const written = writer.stats.items - before.items;
    const batches = writer.stats.batches - before.batches;
    expect(written).toBe(sessions.length * rounds);
    expect(batches).toBeLessThan(written / 5);
    const stored = await server.app
      .get<Connection>(getConnectionToken())
      .collection('consumptions')
      .countDocuments({ tenantId: 'default', chargingStationId: { $regex: '^CS-B' } });
    expect(stored).toBe(sessions.length * rounds);
  });
});
