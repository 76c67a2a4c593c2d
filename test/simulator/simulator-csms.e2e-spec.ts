import { startSimulation, Simulation } from '../../apps/simulator/src/simulation';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';
import { simOptions } from './support/sim-options';

interface TransactionNode {
  ocppTransactionId: string;
  chargingStationId: string;
  tagId: string;
  active: boolean;
  energyWh: number;
  stopReason: string | null;
  consumptions: { cumulatedWh: number; instantWatts: number | null; stateOfCharge: number | null }[];
}

describe('simulator against the real CSMS', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let simulation: Simulation | undefined;

  beforeAll(async () => {
    server = await startTestApp('simulator_csms');
    admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    await createTag(admin, { id: 'SIM-CSMS-TAG' });
  });

  afterAll(async () => {
    await simulation?.stop();
    await server.close();
  });

  const transactions = async (): Promise<TransactionNode[]> => {
    const { transactions: page } = await admin.data<{ transactions: { edges: { node: TransactionNode }[] } }>(
      `{ transactions(first: 100) { edges { node { ocppTransactionId chargingStationId tagId active energyWh stopReason
        consumptions { cumulatedWh instantWatts stateOfCharge } } } } }`,
    );
    return page.edges
      .map((edge) => edge.node)
      .filter((node) => node.chargingStationId.startsWith('SIMCSMS-'));
  };

  it('two simulated 1.6 stations charge and their transactions appear through GraphQL', async () => {
    simulation = startSimulation(
      simOptions(`${server.wsUrl}/ocpp/default`, {
        stations: 2,
        idPrefix: 'SIMCSMS',
        tag: 'SIM-CSMS-TAG',
        speed: 3_000,
        interval: 0.3,
      }),
    );
    await simulation.started;
    const done = await eventually(
      transactions,
      (nodes) =>
        new Set(nodes.filter((node) => !node.active).map((node) => node.chargingStationId)).size === 2,
      30_000,
    );
    const stopped = done.filter((node) => !node.active);
    expect(new Set(stopped.map((node) => node.chargingStationId))).toEqual(
      new Set(['SIMCSMS-0001', 'SIMCSMS-0002']),
    );
    for (const node of stopped) {
      expect(node.tagId).toBe('SIM-CSMS-TAG');
      expect(node.stopReason).toBe('EVDisconnected');
      expect(node.energyWh).toBeGreaterThan(1_000);
      expect(node.consumptions.length).toBeGreaterThanOrEqual(1);
      expect(Math.max(...node.consumptions.map((c) => c.instantWatts ?? 0))).toBeGreaterThan(0);
    }
    expect(simulation.stats.errors).toBe(0);
  });
});
