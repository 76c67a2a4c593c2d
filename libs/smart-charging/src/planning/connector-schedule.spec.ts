import { ChargingRateUnit } from '@csms/stations';
import { ConnectorSchedule, needsSending, profileOf, rateUnitOf, stationShares } from './connector-schedule';

const start = new Date('2026-12-01T10:00:00Z');
const schedule = (limits: number[], extra: Partial<ConnectorSchedule> = {}): ConnectorSchedule => ({
  chargingStationId: 'CS-1',
  connectorId: 2,
  purpose: 'TxProfile',
  transactionId: 'tx-1',
  ocppTransactionId: '17',
  ocppVersion: '1.6',
  startSchedule: start,
  limits,
  gridPhases: [0, 1, 2],
  voltage: 230,
  dc: false,
  rateUnit: 'A',
  ...extra,
});

describe('profileOf', () => {
  it('sends a 1.6 TxProfile in amperes with a period wherever the limit changes', () => {
    expect(profileOf(schedule([10.6, 10.6, 8, 8, 16]), 2)).toEqual({
      chargingProfileId: 800_002,
      stackLevel: 2,
      purpose: 'TxProfile',
      kind: 'Absolute',
      ocppTransactionId: '17',
      schedule: {
        startSchedule: start,
        rateUnit: 'A',
        periods: [
          { startPeriod: 0, limit: 10.6, numberPhases: 3 },
          { startPeriod: 1800, limit: 8, numberPhases: 3 },
          { startPeriod: 3600, limit: 16, numberPhases: 3 },
        ],
      },
    });
  });

  it('gives 2.0.1 its own transaction id and phaseToUse, DC its watts, an idle connector a TxDefaultProfile', () => {
    const single = profileOf(
      schedule([12], { ocppVersion: '2.0.1', ocppTransactionId: 'abc-1', gridPhases: [1], phaseToUse: 2 }),
      3,
    );
    expect(single.ocppTransactionId).toBe('abc-1');
    expect(single.schedule.periods).toEqual([{ startPeriod: 0, limit: 12, numberPhases: 1, phaseToUse: 2 }]);
    expect(profileOf(schedule([20], { dc: true, rateUnit: 'W' }), 2).schedule).toMatchObject({
      rateUnit: 'W',
      periods: [{ startPeriod: 0, limit: 13_800 }],
    });
    const idle = profileOf(schedule([6], { purpose: 'TxDefaultProfile', transactionId: undefined }), 2);
    expect(idle).toMatchObject({
      chargingProfileId: 810_002,
      purpose: 'TxDefaultProfile',
    });
    expect(idle.ocppTransactionId).toBeUndefined();
  });
});

describe('rateUnitOf', () => {
  it('gives the station the unit its template asks for, else amperes for AC and watts for DC', () => {
    expect(rateUnitOf({}, false)).toBe('A');
    expect(rateUnitOf({}, true)).toBe('W');
    const inWatts = { capabilities: { chargingRateUnit: ChargingRateUnit.W } } as Parameters<
      typeof rateUnitOf
    >[0];
    expect(rateUnitOf(inWatts, false)).toBe('W');
    // An AC station asking for watts gets the power over the phases the car draws on.
    expect(profileOf(schedule([10, 16], { rateUnit: rateUnitOf(inWatts, false) }), 2).schedule).toMatchObject(
      {
        rateUnit: 'W',
        periods: [
          { startPeriod: 0, limit: 6900, numberPhases: 3 },
          { startPeriod: 900, limit: 11_040, numberPhases: 3 },
        ],
      },
    );
  });
});

describe('needsSending', () => {
  const sent = {
    purpose: 'TxProfile' as const,
    transactionId: 'tx-1',
    startSchedule: start,
    limits: [10, 10],
    rateUnit: 'A' as const,
    sentAt: start,
  };
  const now = new Date('2026-12-01T10:05:00Z');

  it('sends any decrease and increases past the threshold only', () => {
    expect(needsSending(schedule([10, 10]), sent, 1, now)).toBe(false);
    expect(needsSending(schedule([10.8, 10.8]), sent, 1, now)).toBe(false);
    expect(needsSending(schedule([11.2, 10]), sent, 1, now)).toBe(true);
    expect(needsSending(schedule([9.8, 10]), sent, 1, now)).toBe(true);
  });

  it('sends the same limits again in the unit the station now asks for', () => {
    expect(needsSending(schedule([10, 10], { rateUnit: 'W' }), sent, 1, now)).toBe(true);
    expect(needsSending(schedule([10, 10], { rateUnit: 'W' }), { ...sent, rateUnit: 'W' }, 1, now)).toBe(
      false,
    );
  });

  it('sends for a new session, a new phase, and before the schedule sent runs out', () => {
    expect(needsSending(schedule([10, 10], { transactionId: 'tx-2' }), sent, 1, now)).toBe(true);
    expect(needsSending(schedule([10, 10], { phaseToUse: 3 }), sent, 1, now)).toBe(true);
    expect(needsSending(schedule([10, 10]), undefined, 1, now)).toBe(true);
    const later = new Date('2026-12-01T10:20:00Z');
    const next = schedule([10, 10, 10], { startSchedule: new Date('2026-12-01T10:15:00Z') });
    expect(needsSending(next, sent, 1, later)).toBe(true);
  });
});

describe('stationShares', () => {
  const v201 = { ocppVersion: '2.0.1', chargingStationId: 'CS-201' };

  it("sums a 2.0.1 station's connectors per slot (a short schedule's last slot holding on) into its max profile", () => {
    const [share] = stationShares([
      schedule([10, 8, 6], { ...v201, connectorId: 1 }),
      schedule([6.3], { ...v201, connectorId: 2, purpose: 'TxDefaultProfile', transactionId: undefined }),
      schedule([32], { connectorId: 1 }),
    ]);
    expect(share).toMatchObject({
      chargingStationId: 'CS-201',
      connectorId: 0,
      purpose: 'ChargePointMaxProfile',
      limits: [16.3, 14.3, 12.3],
    });
    expect(profileOf(share, 2)).toMatchObject({
      chargingProfileId: 820_000,
      purpose: 'ChargePointMaxProfile',
      schedule: {
        rateUnit: 'A',
        periods: [{ startPeriod: 0, limit: 16.3, numberPhases: 3 }, expect.anything(), expect.anything()],
      },
    });
  });

  it('gives 1.6 stations none, and a watt station its share in watts on three phases', () => {
    expect(stationShares([schedule([16])])).toEqual([]);
    const [share] = stationShares([schedule([10], { ...v201, rateUnit: 'W' })]);
    expect(profileOf(share, 2).schedule.periods).toEqual([{ startPeriod: 0, limit: 6900, numberPhases: 3 }]);
  });
});
