import { startSimulation, Simulation } from '../../apps/simulator/src/simulation';
import { simOptions } from '../simulator/support/sim-options';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';

interface TransactionNode {
  ocppTransactionId: string;
  chargingStationId: string;
  tagId: string;
  active: boolean;
  energyWh: number;
  stopReason: string | null;
  consumptions: { cumulatedWh: number; instantWatts: number | null }[];
}

describe('the project simulator speaking OCPP 2.0.1 against the real CSMS', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let simulation: Simulation | undefined;

  beforeAll(async () => {
    server = await startTestApp('ocpp201_simulator');
    admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    await createTag(admin, { id: 'SIM201-TAG' });
  });

  afterAll(async () => {
    await simulation?.stop();
    await server.close();
  });

  it('two simulated 2.0.1 stations charge and their sessions appear through GraphQL', async () => {
    simulation = startSimulation(
      simOptions(`${server.wsUrl}/ocpp/default`, {
        ocpp: '2.0.1',
        stations: 2,
        idPrefix: 'SIM201',
        tag: 'SIM201-TAG',
        speed: 3_000,
        interval: 0.3,
      }),
    );
    await simulation.started;
    const done = await eventually(
      async () => {
        const { transactions } = await admin.data<{ transactions: { edges: { node: TransactionNode }[] } }>(
          `{ transactions(first: 100) { edges { node { ocppTransactionId chargingStationId tagId active energyWh stopReason
            consumptions { cumulatedWh instantWatts } } } } }`,
        );
        return transactions.edges.map((edge) => edge.node);
      },
      (nodes) =>
        new Set(nodes.filter((node) => !node.active).map((node) => node.chargingStationId)).size === 2,
      30_000,
    );
    const stopped = done.filter((node) => !node.active);
    for (const node of stopped) {
      expect(node.chargingStationId).toMatch(/^SIM201-/);
      expect(node.tagId).toBe('SIM201-TAG');
      expect(node.ocppTransactionId).not.toMatch(/^\d+$/);
      expect(node.energyWh).toBeGreaterThan(1_000);
      expect(node.consumptions.length).toBeGreaterThanOrEqual(1);
      expect(Math.max(...node.consumptions.map((c) => c.instantWatts ?? 0))).toBeGreaterThan(0);
    }
    expect(simulation.stats.errors).toBe(0);
  });
});
