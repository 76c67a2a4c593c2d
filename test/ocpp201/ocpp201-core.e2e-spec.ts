import { RPCClient } from 'ocpp-rpc';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { basicAuth, upgradeStatus } from '../support/ocpp-station';
import { graphqlWsClient, subscribe } from '../support/subscriptions';
import { startTestApp, TestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';
import { BOOT, connect201, meterValue, Raw201Socket, untilOnline } from './ocpp201-station';

interface StoredTransaction {
  id: string;
  ocppTransactionId: string;
  connectorId: number;
  tagId: string | null;
  active: boolean;
  startedAt: string;
  stoppedAt: string | null;
  meterStartWh: number;
  meterStopWh: number | null;
  energyWh: number;
  stopReason: string | null;
  consumptions: { timestamp: string; cumulatedWh: number; instantWatts: number | null }[];
}

const TRANSACTION_FIELDS =
  'id ocppTransactionId connectorId tagId active startedAt stoppedAt meterStartWh meterStopWh energyWh stopReason consumptions { timestamp cumulatedWh instantWatts }';

describe('OCPP 2.0.1-J: provisioning, authorization, transactions, availability, meter values', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  const stations: RPCClient[] = [];

  async function station(identity: string, protocols?: string[]): Promise<RPCClient> {
    const client = await connect201(server.wsUrl, identity, protocols);
    stations.push(client);
    await untilOnline(admin, identity);
    return client;
  }

  async function transactionOf(stationId: string, ocppTransactionId: string): Promise<StoredTransaction> {
    const { transactions } = await admin.data<{ transactions: { edges: { node: StoredTransaction }[] } }>(
      `query($station: ID!) { transactions(filter: { chargingStationId: $station }, first: 50) { edges { node { ${TRANSACTION_FIELDS} } } } }`,
      { station: stationId },
    );
    const found = transactions.edges.find((edge) => edge.node.ocppTransactionId === ocppTransactionId);
    if (!found) throw new Error(`No transaction ${ocppTransactionId} on ${stationId}`);
    return found.node;
  }

  beforeAll(async () => {
    server = await startTestApp('ocpp201_core');
    admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    await createTag(admin, { id: 'TAG-201' });
    await createTag(admin, { id: 'TAG-201-OFF', active: false });
  });

  afterAll(async () => {
    await Promise.all(stations.map((client) => client.close({ force: true })));
    await server.close();
  });

  it('negotiates ocpp2.0.1, also when a station offers 1.6 as well', async () => {
    const only = await station('CS201-ONLY');
    expect(only.protocol).toBe('ocpp2.0.1');
    const both = await station('CS201-BOTH', ['ocpp1.6', 'ocpp2.0.1']);
    expect(both.protocol).toBe('ocpp2.0.1');
  });

  it('A: security profiles 1/2 — HTTP Basic auth at the 2.0.1 upgrade for a station with a password', async () => {
    await admin.data(
      'mutation { createChargingStation(input: { id: "CS201-LOCKED", password: "S3cret-201-pass" }) { id } }',
    );
    const path = '/ocpp/default/CS201-LOCKED';
    const protocols = ['ocpp2.0.1'];
    expect(await upgradeStatus(server.wsUrl, path, { protocols })).toBe(401);
    expect(
      await upgradeStatus(server.wsUrl, path, {
        protocols,
        authorization: basicAuth('CS201-LOCKED', 'wrong'),
      }),
    ).toBe(401);
    expect(
      await upgradeStatus(server.wsUrl, path, {
        protocols,
        authorization: basicAuth('CS201-LOCKED', 'S3cret-201-pass'),
      }),
    ).toBe(101);
  });

  it('B: boots with the station data, heartbeats, and the station reads as 2.0.1 in GraphQL', async () => {
    const client = await station('CS201-BOOT');
    const boot = (await client.call('BootNotification', BOOT)) as {
      status: string;
      interval: number;
      currentTime: string;
    };
    expect(boot.status).toBe('Accepted');
    expect(boot.interval).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(boot.currentTime))).toBe(false);
    const heartbeat = (await client.call('Heartbeat', {})) as { currentTime: string };
    expect(Math.abs(Date.parse(heartbeat.currentTime) - Date.now())).toBeLessThan(60_000);
    const { chargingStation } = await admin.data<{ chargingStation: Record<string, unknown> }>(
      '{ chargingStation(id: "CS201-BOOT") { ocppVersion ocppProtocol online vendor model serialNumber firmwareVersion } }',
    );
    expect(chargingStation).toEqual({
      ocppVersion: '2.0.1',
      ocppProtocol: 'json',
      online: true,
      vendor: 'VoltGrid',
      model: 'VG-201',
      serialNumber: 'SN-201',
      firmwareVersion: '2.0.1-fw',
    });
  });

  it('G: StatusNotification of an EVSE becomes the status of the connector with that id', async () => {
    const client = await station('CS201-STATUS');
    await client.call('BootNotification', BOOT);
    const now = new Date().toISOString();
    await client.call('StatusNotification', {
      timestamp: now,
      connectorStatus: 'Available',
      evseId: 1,
      connectorId: 1,
    });
    await client.call('StatusNotification', {
      timestamp: now,
      connectorStatus: 'Occupied',
      evseId: 2,
      connectorId: 1,
    });
    const { chargingStation } = await eventually(
      () =>
        admin.data<{ chargingStation: { connectors: { connectorId: number; status: string }[] } }>(
          '{ chargingStation(id: "CS201-STATUS") { connectors { connectorId status } } }',
        ),
      (result) => result.chargingStation.connectors.length >= 2,
    );
    expect(chargingStation.connectors).toEqual(
      expect.arrayContaining([
        { connectorId: 1, status: 'Available' },
        { connectorId: 2, status: 'Occupied' },
      ]),
    );
  });

  it('C: Authorize answers idTokenInfo from the tenant tags', async () => {
    const client = await station('CS201-AUTH');
    await client.call('BootNotification', BOOT);
    const authorize = (idToken: string, type = 'ISO14443') =>
      client.call('Authorize', { idToken: { idToken, type } }) as Promise<{
        idTokenInfo: { status: string };
      }>;
    expect((await authorize('TAG-201')).idTokenInfo.status).toBe('Accepted');
    expect((await authorize('TAG-201-OFF')).idTokenInfo.status).toBe('Blocked');
    expect((await authorize('NOBODY')).idTokenInfo.status).toBe('Invalid');
    expect((await authorize('', 'NoAuthorization')).idTokenInfo.status).toBe('Accepted');
  });

  it('E/J: a transaction from Started to Ended feeds the live curve; repeats and gaps in seqNo are handled', async () => {
    const client = await station('CS201-TX');
    await client.call('BootNotification', BOOT);
    const t0 = Date.now() - 60_000;
    const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
    const event = (
      seqNo: number,
      eventType: string,
      triggerReason: string,
      extra: Record<string, unknown> = {},
    ) =>
      client.call('TransactionEvent', {
        eventType,
        triggerReason,
        seqNo,
        timestamp: at(seqNo * 10),
        transactionInfo: { transactionId: 'tx-201-a', ...(extra.transactionInfo as object) },
        ...extra,
      }) as Promise<{ idTokenInfo?: { status: string } }>;

    const started = await event(0, 'Started', 'Authorized', {
      idToken: { idToken: 'TAG-201', type: 'ISO14443' },
      evse: { id: 1, connectorId: 1 },
      meterValue: [meterValue(at(0), 1000, 'Transaction.Begin')],
    });
    expect(started.idTokenInfo?.status).toBe('Accepted');
    const transaction = await transactionOf('CS201-TX', 'tx-201-a');
    expect(transaction).toMatchObject({
      connectorId: 1,
      tagId: 'TAG-201',
      active: true,
      meterStartWh: 1000,
      startedAt: at(0),
    });

    const live = subscribe<{ consumptionAdded: { cumulatedWh: number; instantWatts: number | null } }>(
      graphqlWsClient(server.wsUrl, admin.bearer),
      'subscription($id: ID!) { consumptionAdded(transactionId: $id) { cumulatedWh instantWatts } }',
      { id: transaction.id },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await event(1, 'Updated', 'MeterValuePeriodic', {
        meterValue: [meterValue(at(10), 1500, undefined, 7200)],
      });
      expect((await live.next()).consumptionAdded).toEqual({ cumulatedWh: 500, instantWatts: 7200 });
      // The same event again (the station did not get our answer): same answer, no second point.
      expect(
        await event(1, 'Updated', 'MeterValuePeriodic', {
          meterValue: [meterValue(at(10), 1500, undefined, 7200)],
        }),
      ).toEqual({});
      // seqNo 2 never arrives: 3 is taken as it is.
      await event(3, 'Updated', 'MeterValuePeriodic', {
        meterValue: [meterValue(at(30), 2500, undefined, 7200)],
      });
      expect((await live.next()).consumptionAdded).toEqual({ cumulatedWh: 1500, instantWatts: 7200 });
    } finally {
      await live.close();
    }

    const ended = await event(4, 'Ended', 'EVCommunicationLost', {
      transactionInfo: { transactionId: 'tx-201-a', stoppedReason: 'EVDisconnected' },
      meterValue: [meterValue(at(40), 3000, 'Transaction.End')],
    });
    expect(ended).toEqual({});
    const stopped = await eventually(
      () => transactionOf('CS201-TX', 'tx-201-a'),
      (found) => !found.active,
    );
    expect(stopped).toMatchObject({
      meterStopWh: 3000,
      energyWh: 2000,
      stopReason: 'EVDisconnected',
      stoppedAt: at(40),
    });
    expect(stopped.consumptions.map((point) => point.cumulatedWh)).toEqual([0, 500, 1500, 2000]);
  });

  it('E: a cable-first session starts when the idToken arrives, keeping its own start time and early values', async () => {
    const client = await station('CS201-CABLE');
    await client.call('BootNotification', BOOT);
    const t0 = Date.now() - 30_000;
    const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
    const base = { transactionInfo: { transactionId: 'tx-cable' } };
    expect(
      await client.call('TransactionEvent', {
        ...base,
        eventType: 'Started',
        triggerReason: 'CablePluggedIn',
        seqNo: 0,
        timestamp: at(0),
        evse: { id: 2, connectorId: 1 },
        meterValue: [meterValue(at(0), 5000, 'Transaction.Begin')],
      }),
    ).toEqual({});
    const authorized = (await client.call('TransactionEvent', {
      ...base,
      eventType: 'Updated',
      triggerReason: 'Authorized',
      seqNo: 1,
      timestamp: at(5),
      idToken: { idToken: 'TAG-201', type: 'ISO14443' },
    })) as { idTokenInfo: { status: string } };
    expect(authorized.idTokenInfo.status).toBe('Accepted');
    await client.call('TransactionEvent', {
      transactionInfo: { transactionId: 'tx-cable', stoppedReason: 'Local' },
      eventType: 'Ended',
      triggerReason: 'StopAuthorized',
      seqNo: 2,
      timestamp: at(20),
      idToken: { idToken: 'TAG-201', type: 'ISO14443' },
      meterValue: [meterValue(at(20), 5600, 'Transaction.End')],
    });
    const stored = await eventually(
      () => transactionOf('CS201-CABLE', 'tx-cable'),
      (found) => !found.active,
    );
    expect(stored).toMatchObject({
      connectorId: 2,
      tagId: 'TAG-201',
      startedAt: at(0),
      meterStartWh: 5000,
      meterStopWh: 5600,
      energyWh: 600,
      stopReason: 'Local',
    });
  });

  it('E: an offline replay keeps the timestamps the station recorded', async () => {
    const client = await station('CS201-OFFLINE');
    await client.call('BootNotification', BOOT);
    const t0 = Date.parse('2026-01-05T08:00:00.000Z');
    const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
    const common = { offline: true, evse: { id: 1, connectorId: 1 } };
    await client.call('TransactionEvent', {
      ...common,
      eventType: 'Started',
      triggerReason: 'Authorized',
      seqNo: 0,
      timestamp: at(0),
      transactionInfo: { transactionId: 'tx-offline' },
      idToken: { idToken: 'TAG-201', type: 'ISO14443' },
      meterValue: [meterValue(at(0), 0, 'Transaction.Begin')],
    });
    await client.call('TransactionEvent', {
      offline: true,
      eventType: 'Updated',
      triggerReason: 'MeterValuePeriodic',
      seqNo: 1,
      timestamp: at(30),
      transactionInfo: { transactionId: 'tx-offline' },
      meterValue: [meterValue(at(30), 5000)],
    });
    await client.call('TransactionEvent', {
      offline: true,
      eventType: 'Ended',
      triggerReason: 'EVDeparted',
      seqNo: 2,
      timestamp: at(60),
      transactionInfo: { transactionId: 'tx-offline', stoppedReason: 'EVDisconnected' },
      meterValue: [meterValue(at(60), 9000, 'Transaction.End')],
    });
    const stored = await eventually(
      () => transactionOf('CS201-OFFLINE', 'tx-offline'),
      (found) => !found.active,
    );
    expect(stored).toMatchObject({ startedAt: at(0), stoppedAt: at(60), energyWh: 9000 });
    expect(stored.consumptions.map((point) => [point.timestamp, point.cumulatedWh])).toEqual([
      [at(0), 0],
      [at(30), 5000],
      [at(60), 9000],
    ]);
  });

  it('J: MeterValues outside a transaction are accepted', async () => {
    const client = await station('CS201-MV');
    await client.call('BootNotification', BOOT);
    expect(
      await client.call('MeterValues', {
        evseId: 1,
        meterValue: [meterValue(new Date().toISOString(), 42_000, 'Sample.Clock')],
      }),
    ).toEqual({});
  });

  it('answers bad frames with OCPP-J 2.0.1 CALLERRORs and keeps the connection', async () => {
    const raw = await Raw201Socket.open(server.wsUrl, 'CS201-RAW');
    try {
      expect(raw.protocol).toBe('ocpp2.0.1');
      const missing = await raw.exchange(JSON.stringify([2, 'm1', 'Heartbeat', {}]));
      expect(missing.slice(0, 2)).toEqual([3, 'm1']);
      const occurrence = await raw.exchange(
        JSON.stringify([2, 'm2', 'BootNotification', { reason: 'PowerUp' }]),
      );
      expect(occurrence.slice(0, 3)).toEqual([4, 'm2', 'OccurrenceConstraintViolation']);
      const type = await raw.exchange(
        JSON.stringify([
          2,
          'm3',
          'StatusNotification',
          {
            timestamp: new Date().toISOString(),
            connectorStatus: 'Available',
            evseId: 'one',
            connectorId: 1,
          },
        ]),
      );
      expect(type.slice(0, 3)).toEqual([4, 'm3', 'TypeConstraintViolation']);
      const property = await raw.exchange(
        JSON.stringify([
          2,
          'm4',
          'StatusNotification',
          { timestamp: new Date().toISOString(), connectorStatus: 'Sleeping', evseId: 1, connectorId: 1 },
        ]),
      );
      expect(property.slice(0, 3)).toEqual([4, 'm4', 'PropertyConstraintViolation']);
      const notJson = await raw.exchange('[2, "m4b", "Heartbeat", {');
      expect(notJson[0]).toBe(4);
      expect(notJson[2]).toBe('RpcFrameworkError');
      const badId = await raw.exchange(JSON.stringify([2, 7, 'Heartbeat', {}]));
      expect(badId[2]).toBe('RpcFrameworkError');
      const badType = await raw.exchange(JSON.stringify([9, 'm4c', 'Heartbeat', {}]));
      // The message type is read before the id: the answer cannot name the message.
      expect(badType[2]).toBe('MessageTypeNotSupported');
      const unknown = await raw.exchange(JSON.stringify([2, 'm5', 'NoSuchAction', {}]));
      expect(unknown.slice(0, 3)).toEqual([4, 'm5', 'NotImplemented']);
      const stillAlive = await raw.exchange(JSON.stringify([2, 'm6', 'Heartbeat', {}]));
      expect(stillAlive.slice(0, 2)).toEqual([3, 'm6']);
    } finally {
      raw.close();
    }
  });
});
