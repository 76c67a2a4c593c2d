import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { graphqlWsClient, subscribe } from '../support/subscriptions';
import { startTestApp, TestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';
import { PythonStation } from '../support/python-station';

interface Consumption {
  cumulatedWh: number;
  instantWatts: number | null;
}

describe('an independent OCPP 2.0.1-J peer (Python `ocpp` package, v201 ChargePoint) driving a whole session', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let station: PythonStation | undefined;

  beforeAll(async () => {
    server = await startTestApp('ocpp201_python_peer');
    admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    await createTag(admin, { id: 'TAG-PY201' });
    await admin.data('mutation { createChargingStation(input: { id: "CS-PY201" }) { id } }');
  });

  afterAll(async () => {
    station?.kill();
    await server.close();
  });

  it('boots, authorizes, charges with a live curve, is stopped through GraphQL, and all of it is stored', async () => {
    station = PythonStation.spawn('ocpp201_station.py', [
      `${server.wsUrl}/ocpp/default`,
      'CS-PY201',
      'TAG-PY201',
    ]);

    const started = await station.next();
    expect(started.event).toBe('started');
    const { transactions } = await admin.data<{
      transactions: { edges: { node: { id: string; ocppTransactionId: string; connectorId: number } }[] };
    }>(
      '{ transactions(filter: { chargingStationId: "CS-PY201", active: true }) { edges { node { id ocppTransactionId connectorId } } } }',
    );
    expect(transactions.edges).toHaveLength(1);
    const transaction = transactions.edges[0].node;
    expect(transaction).toMatchObject({ ocppTransactionId: started.transactionId, connectorId: 1 });

    const { chargingStation } = await admin.data<{
      chargingStation: {
        ocppVersion: string;
        vendor: string;
        model: string;
        connectors: { status: string }[];
      };
    }>('{ chargingStation(id: "CS-PY201") { ocppVersion vendor model connectors { status } } }');
    expect(chargingStation).toEqual({
      ocppVersion: '2.0.1',
      vendor: 'mobilityhouse-ocpp',
      model: 'PyStation201',
      connectors: [{ status: 'Occupied' }],
    });

    const live = subscribe<{ consumptionAdded: Consumption }>(
      graphqlWsClient(server.wsUrl, admin.bearer),
      'subscription($id: ID!) { consumptionAdded(transactionId: $id) { cumulatedWh instantWatts } }',
      { id: transaction.id },
    );
    try {
      // graphql-ws does not acknowledge a subscription; give the server a moment to start it.
      await new Promise((resolve) => setTimeout(resolve, 500));
      station.send('meter');
      const curve: Consumption[] = [];
      for (let i = 0; i < 3; i++) curve.push((await live.next()).consumptionAdded);
      expect(curve.map((point) => point.cumulatedWh)).toEqual([500, 1000, 1500]);
      expect(curve.every((point) => point.instantWatts === 7200)).toBe(true);
    } finally {
      await live.close();
    }
    expect((await station.next()).event).toBe('metered');

    const { remoteStopTransaction } = await admin.data<{ remoteStopTransaction: { status: string } }>(
      'mutation($id: ID!) { remoteStopTransaction(transactionId: $id) { status } }',
      { id: transaction.id },
    );
    expect(remoteStopTransaction.status).toBe('Accepted');
    expect(await station.next()).toEqual({ event: 'stopped', transactionId: started.transactionId });
    expect(await station.exited).toBe(0);

    type Stored = {
      transaction: {
        active: boolean;
        meterStartWh: number;
        meterStopWh: number;
        energyWh: number;
        stopReason: string;
        tagId: string;
        consumptions: Consumption[];
      };
    };
    const stored = await eventually(
      () =>
        admin.data<Stored>(
          'query($id: ID!) { transaction(id: $id) { active meterStartWh meterStopWh energyWh stopReason tagId consumptions { cumulatedWh instantWatts } } }',
          { id: transaction.id },
        ),
      (result) => result.transaction.active === false,
    );
    expect(stored.transaction).toMatchObject({
      meterStartWh: 1000,
      meterStopWh: 3000,
      energyWh: 2000,
      stopReason: 'Remote',
      tagId: 'TAG-PY201',
    });
    const energies = stored.transaction.consumptions.map((point) => point.cumulatedWh);
    expect(energies).toEqual([0, 500, 1000, 1500, 2000]);

    const { ocppMessages } = await eventually(
      () =>
        admin.data<{
          ocppMessages: {
            edges: { node: { direction: string; action: string; answerType: string | null } }[];
          };
        }>(
          '{ ocppMessages(chargingStationId: "CS-PY201", first: 100) { edges { node { direction action answerType } } } }',
        ),
      (page) =>
        page.ocppMessages.edges.filter((edge) => edge.node.action === 'StatusNotification').length >= 3,
    );
    const frames = ocppMessages.edges.map(
      (edge) => `${edge.node.direction} ${edge.node.action} ${edge.node.answerType}`,
    );
    expect(frames).toEqual(
      expect.arrayContaining(['OUT RequestStopTransaction CALLRESULT', 'IN TransactionEvent CALLRESULT']),
    );
    expect(frames.some((frame) => frame.includes('CALLERROR'))).toBe(false);
    expect(station.errors).toBe('');
  });
});
