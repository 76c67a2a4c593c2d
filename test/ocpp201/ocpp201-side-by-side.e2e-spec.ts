import { RPCClient } from 'ocpp-rpc';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { connectStation } from '../support/ocpp-station';
import { graphqlWsClient, subscribe } from '../support/subscriptions';
import { startTestApp, TestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';
import { BOOT, connect201, meterValue, untilOnline } from './ocpp201-station';

interface Point {
  consumptionAdded: { cumulatedWh: number; instantWatts: number | null };
}

describe('a 1.6 station and a 2.0.1 station charging side by side', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let v16: RPCClient;
  let v201: RPCClient;

  beforeAll(async () => {
    server = await startTestApp('ocpp201_side_by_side');
    admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    await createTag(admin, { id: 'TAG-MIX' });
    v16 = await connectStation(server.wsUrl, 'CS-MIX-16');
    v201 = await connect201(server.wsUrl, 'CS-MIX-201');
    await untilOnline(admin, 'CS-MIX-16');
    await untilOnline(admin, 'CS-MIX-201');
    v16.handle('RemoteStopTransaction', async () => ({ status: 'Accepted' }));
    v201.handle('RequestStopTransaction', async () => ({ status: 'Accepted' }));
  });

  afterAll(async () => {
    await Promise.all([v16.close({ force: true }), v201.close({ force: true })]);
    await server.close();
  });

  it('streams both curves through consumptionAdded on one graphql-ws connection, and GraphQL stops both', async () => {
    const t0 = Date.now() - 600_000;
    const at = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();
    await v16.call('BootNotification', { chargePointVendor: 'Old', chargePointModel: 'V16' });
    await v201.call('BootNotification', BOOT);

    const started16 = (await v16.call('StartTransaction', {
      connectorId: 1,
      idTag: 'TAG-MIX',
      meterStart: 10_000,
      timestamp: at(0),
    })) as { transactionId: number };
    await v201.call('TransactionEvent', {
      eventType: 'Started',
      triggerReason: 'Authorized',
      seqNo: 0,
      timestamp: at(0),
      transactionInfo: { transactionId: 'mix-201' },
      evse: { id: 1, connectorId: 1 },
      idToken: { idToken: 'TAG-MIX', type: 'ISO14443' },
      meterValue: [meterValue(at(0), 20_000, 'Transaction.Begin')],
    });

    const { transactions } = await admin.data<{
      transactions: {
        edges: { node: { id: string; chargingStationId: string; ocppTransactionId: string } }[];
      };
    }>(
      '{ transactions(filter: { active: true }) { edges { node { id chargingStationId ocppTransactionId } } } }',
    );
    const byStation = new Map(transactions.edges.map((edge) => [edge.node.chargingStationId, edge.node]));
    const tx16 = byStation.get('CS-MIX-16')!;
    const tx201 = byStation.get('CS-MIX-201')!;
    expect(tx16.ocppTransactionId).toBe(String(started16.transactionId));
    expect(tx201.ocppTransactionId).toBe('mix-201');
    expect(tx16.id).not.toBe(tx201.id);

    const ws = graphqlWsClient(server.wsUrl, admin.bearer);
    const query =
      'subscription($id: ID!) { consumptionAdded(transactionId: $id) { cumulatedWh instantWatts } }';
    const curve16 = subscribe<Point>(ws, query, { id: tx16.id });
    const curve201 = subscribe<Point>(ws, query, { id: tx201.id });
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      for (let minute = 1; minute <= 3; minute++) {
        await Promise.all([
          v16.call('MeterValues', {
            connectorId: 1,
            transactionId: started16.transactionId,
            meterValue: [
              {
                timestamp: at(minute),
                sampledValue: [
                  {
                    value: String(10_000 + minute * 100),
                    measurand: 'Energy.Active.Import.Register',
                    unit: 'Wh',
                  },
                ],
              },
            ],
          }),
          v201.call('TransactionEvent', {
            eventType: 'Updated',
            triggerReason: 'MeterValuePeriodic',
            seqNo: minute,
            timestamp: at(minute),
            transactionInfo: { transactionId: 'mix-201' },
            meterValue: [meterValue(at(minute), 20_000 + minute * 200)],
          }),
        ]);
      }
      const points16: number[] = [];
      const points201: number[] = [];
      for (let i = 0; i < 3; i++) {
        points16.push((await curve16.next()).consumptionAdded.cumulatedWh);
        points201.push((await curve201.next()).consumptionAdded.cumulatedWh);
      }
      expect(points16).toEqual([100, 200, 300]);
      expect(points201).toEqual([200, 400, 600]);
    } finally {
      await curve16.close();
      await curve201.close();
    }

    for (const id of [tx16.id, tx201.id]) {
      const { remoteStopTransaction } = await admin.data<{ remoteStopTransaction: { status: string } }>(
        'mutation($id: ID!) { remoteStopTransaction(transactionId: $id) { status } }',
        { id },
      );
      expect(remoteStopTransaction.status).toBe('Accepted');
    }
    await v16.call('StopTransaction', {
      transactionId: started16.transactionId,
      meterStop: 10_400,
      timestamp: at(4),
      reason: 'Remote',
    });
    await v201.call('TransactionEvent', {
      eventType: 'Ended',
      triggerReason: 'RemoteStop',
      seqNo: 4,
      timestamp: at(4),
      transactionInfo: { transactionId: 'mix-201', stoppedReason: 'Remote' },
      meterValue: [meterValue(at(4), 20_800, 'Transaction.End')],
    });
    const { transactions: done } = await eventually(
      () =>
        admin.data<{
          transactions: {
            edges: { node: { chargingStationId: string; energyWh: number; stopReason: string } }[];
          };
        }>(
          '{ transactions(filter: { active: false }) { edges { node { chargingStationId energyWh stopReason } } } }',
        ),
      (result) => result.transactions.edges.length === 2,
    );
    expect(
      done.edges
        .map((edge) => edge.node)
        .sort((a, b) => a.chargingStationId.localeCompare(b.chargingStationId)),
    ).toEqual([
      { chargingStationId: 'CS-MIX-16', energyWh: 400, stopReason: 'Remote' },
      { chargingStationId: 'CS-MIX-201', energyWh: 800, stopReason: 'Remote' },
    ]);
  });
});
