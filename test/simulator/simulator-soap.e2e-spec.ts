import { startSimulation, Simulation } from '../../apps/simulator/src/simulation';
import { GraphQLClient, loginAsAdmin } from '../support/graphql-client';
import { startTestApp, TestApp } from '../support/test-app';
import { createTag, createUserAndLogin, eventually } from '../support/users';
import { simOptions } from './support/sim-options';

const STATION = 'SIMSOAP-0001';
const TAG = 'SIM-SOAP-TAG';

interface TransactionNode {
  id: string;
  ocppTransactionId: string;
  chargingStationId: string;
  active: boolean;
  stopReason: string | null;
  consumptions: { cumulatedWh: number; instantWatts: number | null }[];
}

describe('simulator: an OCPP 1.6-S (SOAP) station against the real CSMS', () => {
  let server: TestApp;
  let admin: GraphQLClient;
  let simulation: Simulation;

  beforeAll(async () => {
    server = await startTestApp('simulator_soap');
    admin = (await createUserAndLogin(await loginAsAdmin(server.httpUrl), 'ADMIN')).client;
    await createTag(admin, { id: TAG });
    simulation = startSimulation(
      simOptions(`${server.httpUrl}/ocpp/soap/default/1.6`, {
        ocpp: '1.6-soap',
        stations: 1,
        connectors: 1,
        idPrefix: 'SIMSOAP',
        tag: TAG,
        // Slow enough that the session is still charging when the remote stop comes.
        speed: 5,
        interval: 0.3,
      }),
    );
    await simulation.started;
  });

  afterAll(async () => {
    await simulation?.stop();
    await server?.close();
  });

  const transactions = async (): Promise<TransactionNode[]> => {
    const { transactions: page } = await admin.data<{ transactions: { edges: { node: TransactionNode }[] } }>(
      `{ transactions(first: 20) { edges { node { id ocppTransactionId chargingStationId active stopReason
        consumptions { cumulatedWh instantWatts } } } } }`,
    );
    return page.edges.map((edge) => edge.node).filter((node) => node.chargingStationId === STATION);
  };

  it('boots over SOAP and is seen online as an OCPP-S 1.6 station', async () => {
    const { chargingStation } = await admin.data<{ chargingStation: Record<string, unknown> }>(
      `{ chargingStation(id: "${STATION}") { id online ocppVersion ocppProtocol vendor model } }`,
    );
    expect(chargingStation).toEqual({
      id: STATION,
      online: true,
      ocppVersion: '1.6',
      ocppProtocol: 'soap',
      vendor: 'VoltGrid',
      model: 'Simulator AC22',
    });
  });

  it('charges: a transaction whose meter values make a rising charging curve', async () => {
    const [charging] = await eventually(
      transactions,
      (nodes) => nodes.some((node) => node.active && node.consumptions.length >= 3),
      20_000,
    );
    expect(charging.active).toBe(true);
    const energy = charging.consumptions.map((point) => point.cumulatedWh);
    expect(energy[energy.length - 1]).toBeGreaterThan(energy[0]);
    expect(Math.max(...charging.consumptions.map((point) => point.instantWatts ?? 0))).toBeGreaterThan(0);
  });

  it('answers the CSMS on its own ChargePointService: GetConfiguration with a list of keys', async () => {
    const { getConfiguration } = await admin.data<{ getConfiguration: unknown[] }>(
      `mutation { getConfiguration(chargingStationId: "${STATION}", keys: ["MeterValueSampleInterval"]) {
        key readonly value } }`,
    );
    expect(getConfiguration).toEqual([{ key: 'MeterValueSampleInterval', readonly: false, value: '0.3' }]);
  });

  it('stops the session when GraphQL asks for a remote stop', async () => {
    const [active] = (await transactions()).filter((node) => node.active);
    const commandsBefore = simulation.stats.commandsReceived;
    const { remoteStopTransaction } = await admin.data<{ remoteStopTransaction: { status: string } }>(
      'mutation($id: ID!) { remoteStopTransaction(transactionId: $id) { status } }',
      { id: active.id },
    );
    expect(remoteStopTransaction).toEqual({ status: 'Accepted' });
    expect(simulation.stats.commandsReceived).toBe(commandsBefore + 1);
    const stopped = await eventually(
      transactions,
      (nodes) => nodes.some((node) => node.id === active.id && !node.active),
      10_000,
    );
    expect(stopped.find((node) => node.id === active.id)?.stopReason).toBe('Remote');
    expect(simulation.stats.errors).toBe(0);
  });

  it('applies ChangeConfiguration, SetChargingProfile and UnlockConnector as a 1.6-J station does', async () => {
    const station = simulation.stations[0];
    const { changeConfiguration } = await admin.data<{ changeConfiguration: { status: string } }>(
      `mutation { changeConfiguration(chargingStationId: "${STATION}", key: "HeartbeatInterval", value: "120") {
        status } }`,
    );
    expect(changeConfiguration).toEqual({ status: 'Accepted' });
    expect(station.config.getNumber('HeartbeatInterval', 0)).toBe(120);

    const { setChargingProfile } = await admin.data<{ setChargingProfile: { status: string } }>(
      `mutation($profile: ChargingProfileInput!) {
        setChargingProfile(chargingStationId: "${STATION}", connectorId: 0, profile: $profile) { status } }`,
      {
        profile: {
          chargingProfileId: 7,
          purpose: 'ChargePointMaxProfile',
          stackLevel: 1,
          schedule: { rateUnit: 'W', periods: [{ startPeriod: 0, limit: 7400 }] },
        },
      },
    );
    expect(setChargingProfile).toEqual({ status: 'Accepted' });
    expect(station.profiles.list().map((profile) => profile.id)).toContain(7);

    const { unlockConnector } = await admin.data<{ unlockConnector: { status: string } }>(
      `mutation { unlockConnector(chargingStationId: "${STATION}", connectorId: 1) { status } }`,
    );
    expect(unlockConnector).toEqual({ status: 'Unlocked' });
  });

  it('reboots on Reset, boots again over SOAP and answers at its new address', async () => {
    const station = simulation.stations[0];
    const { reset } = await admin.data<{ reset: { status: string } }>(
      `mutation { reset(chargingStationId: "${STATION}", type: SOFT) { status } }`,
    );
    expect(reset).toEqual({ status: 'Accepted' });
    const until = Date.now() + 15_000;
    while (station.bootCount < 2 && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(station.bootCount).toBe(2);
    const { getConfiguration } = await admin.data<{ getConfiguration: { key: string; value: string }[] }>(
      `mutation { getConfiguration(chargingStationId: "${STATION}", keys: ["NumberOfConnectors"]) { key value } }`,
    );
    expect(getConfiguration).toEqual([{ key: 'NumberOfConnectors', value: '1' }]);
    expect(simulation.stats.errors).toBe(0);
  });
});
