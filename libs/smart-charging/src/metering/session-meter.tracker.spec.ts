import { asTenantId } from '@csms/common';
import { domainEvent, InProcessEventBus } from '@csms/events';
import { CONSUMPTION_ADDED, Consumption, TRANSACTION_STOPPED } from '@csms/transactions';
import { SessionMeterTracker } from './session-meter.tracker';

const TENANT = asTenantId('t1');
const OTHER = asTenantId('t2');

function point(at: number, amps: Partial<Consumption> = {}): Consumption {
  return { timestamp: new Date(at), cumulatedWh: at, ...amps };
}

describe('SessionMeterTracker', () => {
  const events = new InProcessEventBus();
  const tracker = new SessionMeterTracker(events);

  beforeAll(() => tracker.onModuleInit());
  afterAll(() => tracker.onModuleDestroy());

  function added(
    tenantId = TENANT,
    transactionId: string,
    stationId: string,
    consumption: Consumption,
  ): void {
    void events.publish(
      domainEvent(CONSUMPTION_ADDED, tenantId, {
        transactionId,
        chargingStationId: stationId,
        connectorId: 1,
        consumption,
      }),
    );
  }

  it('keeps each session’s last meter, per tenant, and its phases in use', () => {
    added(TENANT, 'tx1', 'CS1', point(1_000, { instantAmpsL1: 16, instantAmpsL3: 0.5 }));
    added(OTHER, 'tx1', 'CS1', point(2_000, { instantAmpsL2: 10 }));

    expect(tracker.get(TENANT, 'tx1')).toMatchObject({
      chargingStationId: 'CS1',
      phaseAmps: [16, undefined, 0.5],
      phasesSeen: new Set([1]),
    });
    expect(tracker.get(OTHER, 'tx1')?.phasesSeen).toEqual(new Set([2]));
  });

  it('ignores an older point, and keeps the phases seen while no phase carries current', () => {
    added(TENANT, 'tx1', 'CS1', point(500, { instantAmpsL2: 30 }));
    expect(tracker.get(TENANT, 'tx1')?.phaseAmps).toEqual([16, undefined, 0.5]);

    added(TENANT, 'tx1', 'CS1', point(3_000, { instantAmpsL1: 0, stateOfCharge: 40 }));
    expect(tracker.get(TENANT, 'tx1')).toMatchObject({ phasesSeen: new Set([1]), stateOfCharge: 40 });
  });

  it('lists the sessions of the tenant’s given stations only', () => {
    added(TENANT, 'tx2', 'CS2', point(1_000));
    added(TENANT, 'tx3', 'CS3', point(1_000));

    const listed = tracker.ofStations(TENANT, new Set(['CS1', 'CS2']));
    expect([...listed.keys()].sort()).toEqual(['tx1', 'tx2']);
    expect([...tracker.ofStations(OTHER, new Set(['CS2'])).keys()]).toEqual([]);
  });

  it('forgets a stopped session', () => {
    void events.publish(domainEvent(TRANSACTION_STOPPED, TENANT, { id: 'tx1' } as never));
    expect(tracker.get(TENANT, 'tx1')).toBeUndefined();
    expect(tracker.get(OTHER, 'tx1')).toBeDefined();
  });
});
