import { startSimulation, Simulation } from '../../apps/simulator/src/simulation';
import { MiniCsms } from './support/mini-csms';
import { sampled, simOptions } from './support/sim-options';
import { waitFor } from './support/wait-for';

const ENERGY = 'Energy.Active.Import.Register';

describe('simulator: outages and reconnect storms', () => {
  const csms = new MiniCsms();
  const simulations: Simulation[] = [];

  beforeAll(() => csms.listen());

  afterAll(async () => {
    await Promise.all(simulations.map((simulation) => simulation.stop()));
    await csms.close();
  });

  function simulate(...args: Parameters<typeof simOptions>): Simulation {
    const simulation = startSimulation(simOptions(...args));
    simulations.push(simulation);
    return simulation;
  }

  it('1.6: a session started and stopped offline is replayed in order with its original timestamps', async () => {
    const simulation = simulate(csms.url, { idPrefix: 'OFF16', idle: 10_000, speed: 200 });
    const station = simulation.stations[0];
    await simulation.started;
    await station.goOffline();

    expect(await station.runSession(station.connectors[0], 'TAG-OFF', 'Local')).toBe(true);
    // Boot's status notifications may still be queued too: wait for StartTransaction + at least 6 MeterValues.
    await waitFor(() => station.connection.queueLength >= 9, 'queued meter values');
    await station.stopSession(station.connectors[0], 'Local');
    expect(csms.framesOf('OFF16-0001', 'StartTransaction')).toHaveLength(0);

    const reconnectedAt = Date.now();
    await station.goOnline();
    await waitFor(
      () => csms.framesOf('OFF16-0001', 'StopTransaction').length === 1,
      'replayed StopTransaction',
    );

    const start = csms.framesOf('OFF16-0001', 'StartTransaction')[0];
    expect(start.at).toBeGreaterThanOrEqual(reconnectedAt);
    expect(Date.parse(start.params.timestamp)).toBeLessThan(reconnectedAt);
    const stop = csms.framesOf('OFF16-0001', 'StopTransaction')[0];
    const transactionId = stop.params.transactionId;
    expect(transactionId).toBeGreaterThan(0);
    expect(Date.parse(stop.params.timestamp)).toBeLessThan(reconnectedAt);

    // Meter values learnt the transactionId the CSMS gave during the replay.
    const meterValues = csms
      .framesOf('OFF16-0001', 'MeterValues')
      .filter((f) => f.params.transactionId === transactionId);
    expect(meterValues.length).toBeGreaterThanOrEqual(5);
    const stamps = meterValues.map((f) => Date.parse(f.params.meterValue[0].timestamp));
    expect(stamps.every((stamp) => stamp < reconnectedAt)).toBe(true);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    const energies = meterValues.map((f) => sampled(f.params.meterValue[0], ENERGY)!);
    expect(energies[energies.length - 1]).toBeGreaterThan(energies[0]);
    expect(stop.params.meterStop).toBeGreaterThanOrEqual(energies[energies.length - 1]);
    expect(simulation.stats.replayedMessages).toBeGreaterThanOrEqual(meterValues.length + 2);
    expect(simulation.stats.errors).toBe(0);
    expect(csms.validationFailures).toEqual([]);
  });

  it('2.0.1: events produced offline carry offline=true and keep their sequence numbers', async () => {
    const simulation = simulate(csms.url, { idPrefix: 'OFF201', ocpp: '2.0.1', idle: 10_000, speed: 200 });
    const station = simulation.stations[0];
    await simulation.started;
    expect(await station.runSession(station.connectors[0], 'TAG-OFF', 'Local')).toBe(true);
    await waitFor(() => csms.framesOf('OFF201-0001', 'TransactionEvent').length >= 2, 'online events');
    const offlineAt = Date.now();
    await station.goOffline();
    // Four meter intervals offline (the queue may also hold events produced just before the outage).
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const onlineAt = Date.now();
    await station.goOnline();
    await station.stopSession(station.connectors[0], 'Local');
    await waitFor(
      () => csms.framesOf('OFF201-0001', 'TransactionEvent').some((f) => f.params.eventType === 'Ended'),
      'Ended',
    );
    const frames = csms.framesOf('OFF201-0001', 'TransactionEvent').map((f) => f.params);
    // An event in flight when the connection dropped is sent again on reconnect (at-least-once): the
    // copy carries the same seqNo and timestamp. Apart from such copies the sequence has no gap.
    const isCopy = (index: number) => index > 0 && frames[index].seqNo === frames[index - 1].seqNo;
    frames.forEach((frame, index) => {
      if (isCopy(index)) expect(frame.timestamp).toBe(frames[index - 1].timestamp);
    });
    const events = frames.filter((_, index) => !isCopy(index));
    expect(events.map((e) => e.seqNo)).toEqual(events.map((_, index) => index));
    const offline = events.filter((e) => e.offline === true);
    expect(offline.length).toBeGreaterThanOrEqual(3);
    for (const event of offline) {
      expect(Date.parse(event.timestamp)).toBeGreaterThanOrEqual(offlineAt);
      expect(Date.parse(event.timestamp)).toBeLessThanOrEqual(onlineAt);
    }
    expect(events[0].offline).toBeUndefined();
    expect(events[events.length - 1].offline).toBeUndefined();
    expect(csms.validationFailures).toEqual([]);
  });

  it('reconnects by itself when the CSMS drops the connection, and replays what was produced meanwhile', async () => {
    const simulation = simulate(csms.url, { idPrefix: 'DROP', idle: 10_000, speed: 200 });
    const station = simulation.stations[0];
    await simulation.started;
    expect(await station.runSession(station.connectors[0], 'TAG-DROP', 'Local')).toBe(true);
    await waitFor(() => csms.framesOf('DROP-0001', 'MeterValues').length >= 1, 'meter values');
    const server = csms.clients.get('DROP-0001');
    await server.close({ code: 1012, reason: 'Service restart' });
    const droppedAt = Date.now();
    await waitFor(() => csms.clients.has('DROP-0001'), 'automatic reconnect');
    await waitFor(
      () => csms.framesOf('DROP-0001', 'MeterValues').some((f) => f.at > droppedAt + 100),
      'meter values after the reconnect',
    );
    expect(simulation.stats.reconnects).toBe(1);
    // A reconnect is not a reboot: no second BootNotification, statuses are reported again.
    expect(csms.framesOf('DROP-0001', 'BootNotification')).toHaveLength(1);
    await waitFor(
      () => csms.framesOf('DROP-0001', 'StatusNotification').some((f) => f.at > droppedAt),
      'statuses reported again',
    );
    const stamps = csms
      .framesOf('DROP-0001', 'MeterValues')
      .map((f) => Date.parse(f.params.meterValue[0].timestamp));
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
    expect(simulation.stats.errors).toBe(0);
  });

  it('storm mode: every station drops, reconnects and boots at once, repeatedly, without errors', async () => {
    const simulation = simulate(csms.url, {
      idPrefix: 'STORM',
      stations: 5,
      mode: 'storm',
      stormEvery: 1,
      speed: 100,
      idle: 0.5,
    });
    await waitFor(() => simulation.stats.storms.length >= 2, 'two storms', 20_000);
    for (let index = 1; index <= 5; index++) {
      expect(csms.framesOf(`STORM-000${index}`, 'BootNotification').length).toBeGreaterThanOrEqual(3);
    }
    expect(simulation.stats.storms[0].stations).toBe(5);
    await waitFor(() => simulation.stats.connectedStations === 5, 'all reconnected');
    expect(simulation.stats.errors).toBe(0);
    expect(csms.validationFailures).toEqual([]);
  });
});
