import { RPCClient } from 'ocpp-rpc';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { uniqueDatabaseUri } from '../setup/test-database';
import { startTestApp, TestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';
import { BOOT, connect201, meterValue, untilOnline } from './ocpp201-station';

/**
 * The edge keeps per-transaction state (seqNo, registers) in memory only: a server restart in the
 * middle of a 2.0.1 transaction must lose nothing the station resends.
 */
describe('OCPP 2.0.1-J transaction across a server restart', () => {
  const databaseUri = uniqueDatabaseUri('ocpp201_restart');
  let server: TestApp | undefined;
  let station: RPCClient | undefined;

  afterAll(async () => {
    await station?.close({ force: true });
    await server?.close();
  });

  async function boot(): Promise<{ app: TestApp; admin: GraphQLClient; client: RPCClient }> {
    const app = await startTestApp('ocpp201_restart', { MONGODB_URI: databaseUri });
    const admin = await loginAsAdmin(app.httpUrl);
    const client = await connect201(app.wsUrl, 'CS201-RESTART');
    return { app, admin, client };
  }

  it('continues the transaction: a repeated Started is the same one, later events attach to it', async () => {
    const t0 = Date.now() - 120_000;
    const at = (seconds: number) => new Date(t0 + seconds * 1000).toISOString();
    const started = {
      eventType: 'Started',
      triggerReason: 'Authorized',
      seqNo: 0,
      timestamp: at(0),
      transactionInfo: { transactionId: 'tx-restart' },
      evse: { id: 1, connectorId: 1 },
      idToken: { idToken: 'TAG-R', type: 'ISO14443' },
      meterValue: [meterValue(at(0), 100, 'Transaction.Begin')],
    };

    let run = await boot();
    server = run.app;
    station = run.client;
    let operator = (await createUserAndLogin(run.admin, 'ADMIN')).client;
    await createTag(operator, { id: 'TAG-R' });
    await untilOnline(operator, 'CS201-RESTART');
    await station.call('BootNotification', BOOT);
    await station.call('TransactionEvent', started);
    await station.call('TransactionEvent', {
      eventType: 'Updated',
      triggerReason: 'MeterValuePeriodic',
      seqNo: 1,
      timestamp: at(10),
      transactionInfo: { transactionId: 'tx-restart' },
      meterValue: [meterValue(at(10), 400)],
    });
    await station.close({ force: true });
    await server.close();

    run = await boot();
    server = run.app;
    station = run.client;
    operator = (await createUserAndLogin(run.admin, 'ADMIN')).client;
    // The station never got our answer to Started before we went down: it sends it again.
    expect(await station.call('TransactionEvent', started)).toEqual({ idTokenInfo: { status: 'Accepted' } });
    await station.call('TransactionEvent', {
      eventType: 'Updated',
      triggerReason: 'MeterValuePeriodic',
      seqNo: 2,
      timestamp: at(20),
      transactionInfo: { transactionId: 'tx-restart' },
      meterValue: [meterValue(at(20), 700)],
    });
    await station.call('TransactionEvent', {
      eventType: 'Ended',
      triggerReason: 'EVDeparted',
      seqNo: 3,
      timestamp: at(30),
      transactionInfo: { transactionId: 'tx-restart', stoppedReason: 'EVDisconnected' },
      meterValue: [meterValue(at(30), 1000, 'Transaction.End')],
    });

    const { transactions } = await eventually(
      () =>
        operator
          .request<{
            transactions: {
              edges: {
                node: {
                  active: boolean;
                  energyWh: number;
                  stopReason: string;
                  consumptions: { cumulatedWh: number }[];
                };
              }[];
            };
          }>(
            '{ transactions(filter: { chargingStationId: "CS201-RESTART" }) { edges { node { active energyWh stopReason consumptions { cumulatedWh } } } } }',
          )
          .then(async (result) => {
            if (result.errors?.length) {
              // The operator's token was issued by the previous process; same secret, so it stays valid.
              throw new Error(JSON.stringify(result.errors));
            }
            return result.data!;
          }),
      (data) => data.transactions.edges.length === 1 && !data.transactions.edges[0].node.active,
    );
    expect(transactions.edges).toHaveLength(1);
    expect(transactions.edges[0].node).toEqual({
      active: false,
      energyWh: 900,
      stopReason: 'EVDisconnected',
      consumptions: [{ cumulatedWh: 0 }, { cumulatedWh: 300 }, { cumulatedWh: 600 }, { cumulatedWh: 900 }],
    });
  });
});
