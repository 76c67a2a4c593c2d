import { startSimulation, Simulation } from '../../apps/simulator/src/simulation';
import { MiniSoapCsms } from './support/mini-soap-csms';
import { simOptions } from './support/sim-options';
import { waitFor } from './support/wait-for';

const STATION = 'SOAPOUT-0001';

describe('simulator: an OCPP-S station through a CSMS outage', () => {
  const csms = new MiniSoapCsms();
  let simulation: Simulation;

  beforeAll(() => csms.listen());

  afterAll(async () => {
    await simulation?.stop();
    await csms.close();
  });

  it('queues its transaction messages while the CSMS does not answer and replays them in order', async () => {
    simulation = startSimulation(
      simOptions(csms.url, { ocpp: '1.6-soap', idPrefix: 'SOAPOUT', connectors: 1, speed: 5, interval: 0.2 }),
    );
    await simulation.started;
    const station = simulation.stations[0];
    await waitFor(() => csms.callsOf(STATION, 'MeterValues').length >= 2, 'meter values before the outage');
    const [boot] = csms.callsOf(STATION, 'BootNotification');
    expect(boot.from).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ChargePointService$/);

    await csms.close();
    const downAt = Date.now();
    await waitFor(() => !station.connection.isConnected, 'the station noticing the outage');
    await waitFor(() => station.connection.queueLength >= 3, 'meter values queued during the outage');

    await csms.listen();
    await waitFor(
      () => station.connection.isConnected && station.connection.queueLength === 0,
      'the replay',
      20_000,
    );
    const replayed = csms
      .callsOf(STATION, 'MeterValues')
      .filter((call) => call.at >= downAt)
      .map((call) => Date.parse(/<timestamp>([^<]+)</.exec(call.body)![1]));
    const sampledDuringOutage = replayed.filter(
      (timestamp) => timestamp >= downAt && timestamp < Date.now() - 100,
    );
    expect(sampledDuringOutage.length).toBeGreaterThanOrEqual(3);
    expect([...replayed].sort((a, b) => a - b)).toEqual(replayed);
    expect(simulation.stats.reconnects).toBeGreaterThanOrEqual(1);
    expect(simulation.stats.replayedMessages).toBeGreaterThanOrEqual(3);
  });
});
