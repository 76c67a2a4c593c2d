import { DEVELOPMENT_ACCOUNTS } from '@csms/users';
import { startSimulation, Simulation } from '../../apps/simulator/src/simulation';
import { simOptions } from '../simulator/support/sim-options';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';
import { eventually } from '../support/users';

const { tenantAdmin, demoDriver, demoTagId } = DEVELOPMENT_ACCOUNTS;

interface SessionNode {
  chargingStationId: string;
  tagId: string;
  energyWh: number;
}

/** The README's quick start, as a newcomer runs it: `npm start` (development) and `npm run simulate`. */
describe('a newcomer on a development database', () => {
  let server: TestApp;
  let operator: GraphQLClient;
  const simulations: Simulation[] = [];

  beforeAll(async () => {
    server = await startTestApp('newcomer_demo', { NODE_ENV: 'development' });
    operator = await new GraphQLClient(server.httpUrl).login(tenantAdmin.email, tenantAdmin.password);
  });

  afterAll(async () => {
    for (const simulation of simulations) await simulation.stop();
    await server.close();
  });

  it('gets a tenant admin who may create stations and badges, which the super admin may not', async () => {
    const { me } = await operator.data<{ me: { role: string } }>('{ me { role } }');
    expect(me.role).toBe('ADMIN');
    await operator.data('mutation { createChargingStation(input: { id: "NEWCOMER-CS" }) { id } }');
    await operator.data('mutation { createTag(input: { id: "NEWCOMER-TAG" }) { id } }');
    const superAdmin = await loginAsAdmin(server.httpUrl);
    expect(await superAdmin.errorCode('mutation { createTag(input: { id: "ROOT-TAG" }) { id } }')).toBe(
      'FORBIDDEN',
    );
  });

  it("gets a demo driver owning the simulator's badge", async () => {
    const { tags } = await operator.data<{
      tags: { edges: { node: { id: string; user: { email: string } } }[] };
    }>(`{ tags(first: 50) { edges { node { id user { email } } } } }`);
    expect(tags.edges.map((edge) => edge.node)).toContainEqual({
      id: demoTagId,
      user: { email: demoDriver.email },
    });
    const driver = await new GraphQLClient(server.httpUrl).login(demoDriver.email, demoDriver.password);
    const { me } = await driver.data<{ me: { role: string } }>('{ me { role } }');
    expect(me.role).toBe('BASIC');
  });

  it("charges with the README's demo command: sessions start and energy grows, without an error", async () => {
    const simulation = startSimulation(
      // The README's `--mode demo` with its default badge, sped up so the test stays short.
      simOptions(`${server.wsUrl}/ocpp/default`, {
        stations: 2,
        idPrefix: 'DEMO',
        tag: demoTagId,
        speed: 600,
      }),
    );
    simulations.push(simulation);
    await simulation.started;
    const sessions = await eventually(
      async () => {
        const { transactions } = await operator.data<{ transactions: { edges: { node: SessionNode }[] } }>(
          '{ transactions(first: 50) { edges { node { chargingStationId tagId energyWh } } } }',
        );
        return transactions.edges
          .map((edge) => edge.node)
          .filter((node) => node.chargingStationId.startsWith('DEMO-'));
      },
      (nodes) => nodes.some((node) => node.energyWh > 0),
      30_000,
    );
    expect(sessions.every((node) => node.tagId === demoTagId)).toBe(true);
    expect(simulation.stats.sessionsStarted).toBeGreaterThan(0);
    expect(simulation.stats.refusals).toBe(0);
    expect(simulation.stats.errors).toBe(0);
  });

  it('shows a badge the CSMS refuses as an error with its reason', async () => {
    const simulation = startSimulation(
      simOptions(`${server.wsUrl}/ocpp/default`, { stations: 1, idPrefix: 'STRANGER', tag: 'NO-SUCH-TAG' }),
    );
    simulations.push(simulation);
    await simulation.started;
    await eventually(
      async () => simulation.stats.refusals,
      (refusals) => refusals > 0,
      15_000,
    );
    expect(simulation.stats.errors).toBeGreaterThanOrEqual(simulation.stats.refusals);
    expect([...simulation.stats.refusalReasons.keys()]).toContain(
      'Authorize refused for NO-SUCH-TAG (Invalid): create the badge in the CSMS or pass --tag',
    );
    expect(simulation.stats.sessionsStarted).toBe(0);
  });
});

describe('a production database', () => {
  it('gets the super admin only: no development accounts, no demo badge', async () => {
    const server = await startTestApp('newcomer_production', {
      NODE_ENV: 'production',
      JWT_SECRET: 'a-production-secret-of-at-least-32-characters',
      SECRETS_ENCRYPTION_KEY: 'a-production-sealing-key-of-at-least-32-chars',
      ADMIN_EMAIL: 'ops@example.com',
      ADMIN_PASSWORD: 'A-long-unique-passphrase-1',
    });
    try {
      const login = await new GraphQLClient(server.httpUrl).request(
        'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        { email: tenantAdmin.email, password: tenantAdmin.password },
      );
      expect(login.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const superAdmin = await new GraphQLClient(server.httpUrl).login(
        'ops@example.com',
        'A-long-unique-passphrase-1',
      );
      const { users } = await superAdmin.data<{ users: { totalCount: number } }>('{ users { totalCount } }');
      expect(users.totalCount).toBe(1);
    } finally {
      await server.close();
    }
  });
});
