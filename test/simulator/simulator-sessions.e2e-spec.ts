import { startSimulation, Simulation } from '../../apps/simulator/src/simulation';
import { MiniCsms } from './support/mini-csms';
import { sampled, simOptions } from './support/sim-options';
import { waitFor } from './support/wait-for';

const ENERGY = 'Energy.Active.Import.Register';

describe('simulator: accelerated sessions against a bare OCPP server', () => {
  const csms = new MiniCsms();
  let v16: Simulation;
  let v201: Simulation;

  beforeAll(async () => {
    await csms.listen();
    // ×3000: an EV charges from arrival to its target in a few seconds of wall-clock time.
    v16 = startSimulation(simOptions(csms.url, { stations: 3, idPrefix: 'S16', speed: 3_000 }));
    v201 = startSimulation(
      simOptions(csms.url, { stations: 1, ocpp: '2.0.1', idPrefix: 'S201', speed: 3_000 }),
    );
  });

  afterAll(async () => {
    await Promise.all([v16?.stop(), v201?.stop()]);
    await csms.close();
  });

  it('runs 1.6 stations through boot, status, authorize, start, increasing meter values and stop', async () => {
    const ids = ['S16-0001', 'S16-0002', 'S16-0003'];
    const unplugged = (id: string): boolean => {
      const statuses = csms.framesOf(id, 'StatusNotification').map((f) => f.params.status);
      const finishing = statuses.indexOf('Finishing');
      return finishing > 0 && statuses.indexOf('Available', finishing) > finishing;
    };
    await waitFor(() => ids.every((id) => unplugged(id)), 'three sessions stopped and unplugged', 40_000);

    for (const id of ids) {
      const frames = csms.framesOf(id);
      expect(frames[0].method).toBe('BootNotification');
      expect(frames[0].params).toMatchObject({
        chargePointVendor: 'VoltGrid',
        chargePointModel: 'Simulator AC22',
      });
      const available = csms
        .framesOf(id, 'StatusNotification')
        .filter((f) => f.params.status === 'Available');
      expect(available.map((f) => f.params.connectorId)).toEqual(expect.arrayContaining([1, 2]));

      const methods = frames.map((f) => f.method);
      expect(methods.indexOf('Authorize')).toBeLessThan(methods.indexOf('StartTransaction'));
      const start = csms.framesOf(id, 'StartTransaction')[0].params;
      expect(start).toMatchObject({ connectorId: 1, idTag: 'TAG-E2E' });

      const stop = csms.framesOf(id, 'StopTransaction')[0].params;
      const transactionId: number = stop.transactionId;
      const meterValues = csms
        .framesOf(id, 'MeterValues')
        .filter((f) => f.params.transactionId === transactionId)
        .map((f) => f.params.meterValue[0]);
      expect(meterValues.length).toBeGreaterThanOrEqual(2);
      const energies = meterValues.map((mv) => sampled(mv, ENERGY)!);
      for (let i = 1; i < energies.length; i++) expect(energies[i]).toBeGreaterThanOrEqual(energies[i - 1]);
      expect(energies[energies.length - 1]).toBeGreaterThan(energies[0]);
      expect(energies[0]).toBeGreaterThanOrEqual(start.meterStart);
      const first = meterValues[0];
      expect(sampled(first, 'Power.Active.Import')).toBeGreaterThan(0);
      for (const phase of ['L1', 'L2', 'L3'])
        expect(sampled(first, 'Current.Import', phase)).toBeGreaterThan(0);
      expect(sampled(first, 'Voltage', 'L1-N')).toBeGreaterThan(220);
      const socs = meterValues.map((mv) => sampled(mv, 'SoC')!);
      expect(socs[socs.length - 1]).toBeGreaterThan(socs[0]);

      expect(stop.meterStop).toBeGreaterThanOrEqual(energies[energies.length - 1]);
      expect(stop.reason).toBe('EVDisconnected');
      expect(stop.idTag).toBe('TAG-E2E');

      const connector1 = csms
        .framesOf(id, 'StatusNotification')
        .filter((f) => f.params.connectorId === 1)
        .map((f) => f.params.status);
      const firstSession = connector1.slice(
        connector1.indexOf('Preparing'),
        connector1.indexOf('Preparing') + 4,
      );
      expect(firstSession).toEqual(['Preparing', 'Charging', 'Finishing', 'Available']);
    }
    expect(csms.validationFailures).toEqual([]);
  });

  it('runs a 2.0.1 station through TransactionEvent Started/Updated/Ended with increasing seqNo', async () => {
    const id = 'S201-0001';
    const ended = () => csms.framesOf(id, 'TransactionEvent').find((f) => f.params.eventType === 'Ended');
    await waitFor(() => ended() !== undefined, 'a TransactionEvent Ended', 40_000);

    const frames = csms.framesOf(id);
    expect(frames[0].method).toBe('BootNotification');
    expect(frames[0].params).toMatchObject({
      reason: 'PowerUp',
      chargingStation: { vendorName: 'VoltGrid' },
    });
    const statuses = csms.framesOf(id, 'StatusNotification').map((f) => f.params);
    expect(statuses).toEqual(
      expect.arrayContaining([expect.objectContaining({ evseId: 1, connectorStatus: 'Available' })]),
    );
    expect(statuses).toEqual(
      expect.arrayContaining([expect.objectContaining({ evseId: 1, connectorStatus: 'Occupied' })]),
    );

    const transactionId = ended()!.params.transactionInfo.transactionId;
    const events = csms
      .framesOf(id, 'TransactionEvent')
      .map((f) => f.params)
      .filter((p) => p.transactionInfo.transactionId === transactionId);
    expect(events[0]).toMatchObject({
      eventType: 'Started',
      seqNo: 0,
      triggerReason: 'Authorized',
      evse: { id: 1 },
    });
    expect(events[0].idToken).toEqual({ idToken: 'TAG-E2E', type: 'ISO14443' });
    expect(events.map((e) => e.seqNo)).toEqual(events.map((_, index) => index));
    const updated = events.filter((e) => e.eventType === 'Updated');
    expect(updated.length).toBeGreaterThanOrEqual(2);
    expect(updated.every((e) => e.triggerReason === 'MeterValuePeriodic')).toBe(true);
    const energies = events.map((e) => sampled(e.meterValue[0], ENERGY)!);
    for (let i = 1; i < energies.length; i++) expect(energies[i]).toBeGreaterThanOrEqual(energies[i - 1]);
    expect(energies[energies.length - 1]).toBeGreaterThan(energies[0]);
    expect(sampled(updated[0].meterValue[0], 'Power.Active.Import')).toBeGreaterThan(0);
    expect(events[events.length - 1]).toMatchObject({
      eventType: 'Ended',
      triggerReason: 'EVDeparted',
      transactionInfo: { stoppedReason: 'EVDisconnected' },
    });
    expect(csms.validationFailures).toEqual([]);
  });
});
