import { DEFAULT_SUPPLY } from './charge-curve';
import { ChargingProfile, ChargingProfileStore } from './charging-profiles';

const t0 = new Date('2026-01-01T10:00:00Z');
const at = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);

function profile(overrides: Partial<ChargingProfile>): ChargingProfile {
  return {
    id: 1,
    connectorId: 1,
    stackLevel: 0,
    purpose: 'TxDefault',
    kind: 'Absolute',
    installedAt: t0,
    schedule: { unit: 'W', periods: [{ startPeriod: 0, limit: 7_000 }], startSchedule: t0 },
    ...overrides,
  };
}

describe('ChargingProfileStore', () => {
  it('follows the schedule periods of an absolute profile and ends with its duration', () => {
    const store = new ChargingProfileStore();
    store.set(
      profile({
        schedule: {
          unit: 'W',
          startSchedule: t0,
          duration: 3600,
          periods: [
            { startPeriod: 0, limit: 7_000 },
            { startPeriod: 1800, limit: 3_000 },
          ],
        },
      }),
    );
    expect(store.effectiveLimitW(1, at(10), DEFAULT_SUPPLY)).toBe(7_000);
    expect(store.effectiveLimitW(1, at(1800), DEFAULT_SUPPLY)).toBe(3_000);
    expect(store.effectiveLimitW(1, at(3600), DEFAULT_SUPPLY)).toBe(Infinity);
    expect(store.effectiveLimitW(1, at(-10), DEFAULT_SUPPLY)).toBe(Infinity);
  });

  it('lets a Tx profile override TxDefault, the higher stack level win, and converts amperes', () => {
    const store = new ChargingProfileStore();
    const tx = { transactionId: '42', startedAt: t0 };
    store.set(profile({ id: 1, stackLevel: 0 }));
    store.set(
      profile({
        id: 2,
        stackLevel: 3,
        schedule: { unit: 'A', periods: [{ startPeriod: 0, limit: 8 }], startSchedule: t0 },
      }),
    );
    expect(store.effectiveLimitW(1, at(5), DEFAULT_SUPPLY, tx)).toBe(8 * 230 * 3);
    store.set(
      profile({
        id: 3,
        purpose: 'Tx',
        kind: 'Relative',
        transactionId: '42',
        schedule: { unit: 'W', periods: [{ startPeriod: 0, limit: 2_000 }] },
      }),
    );
    expect(store.effectiveLimitW(1, at(5), DEFAULT_SUPPLY, tx)).toBe(2_000);
    store.clearTransaction(1);
    expect(store.effectiveLimitW(1, at(5), DEFAULT_SUPPLY, tx)).toBe(8 * 230 * 3);
  });

  it('caps every connector with the station maximum, and clears by criteria', () => {
    const store = new ChargingProfileStore();
    store.set(profile({ id: 1, connectorId: 0, purpose: 'TxDefault' }));
    store.set(
      profile({
        id: 9,
        connectorId: 0,
        purpose: 'StationMax',
        schedule: { unit: 'W', periods: [{ startPeriod: 0, limit: 5_000 }], startSchedule: t0 },
      }),
    );
    expect(store.effectiveLimitW(2, at(1), DEFAULT_SUPPLY)).toBe(5_000);
    expect(store.clear({ purpose: 'StationMax' })).toBe(1);
    expect(store.effectiveLimitW(2, at(1), DEFAULT_SUPPLY)).toBe(7_000);
    expect(store.clear({ id: 77 })).toBe(0);
  });

  it('replaces a profile installed in the same connector, purpose and stack level', () => {
    const store = new ChargingProfileStore();
    store.set(profile({ id: 1 }));
    store.set(
      profile({
        id: 2,
        schedule: { unit: 'W', periods: [{ startPeriod: 0, limit: 1_000 }], startSchedule: t0 },
      }),
    );
    expect(store.size).toBe(1);
    expect(store.effectiveLimitW(1, at(1), DEFAULT_SUPPLY)).toBe(1_000);
  });

  it('repeats a daily recurring schedule', () => {
    const store = new ChargingProfileStore();
    store.set(
      profile({
        kind: 'Recurring',
        recurrency: 'Daily',
        schedule: {
          unit: 'W',
          startSchedule: t0,
          periods: [
            { startPeriod: 0, limit: 4_000 },
            { startPeriod: 3600, limit: 9_000 },
          ],
        },
      }),
    );
    expect(store.effectiveLimitW(1, at(86_400 + 60), DEFAULT_SUPPLY)).toBe(4_000);
    expect(store.effectiveLimitW(1, at(86_400 + 3700), DEFAULT_SUPPLY)).toBe(9_000);
  });

  it('builds a composite schedule with merged periods in the requested unit', () => {
    const store = new ChargingProfileStore();
    store.set(
      profile({
        schedule: {
          unit: 'W',
          startSchedule: t0,
          duration: 1200,
          periods: [
            { startPeriod: 0, limit: 6_900 },
            { startPeriod: 600, limit: 6_900 },
            { startPeriod: 900, limit: 3_450 },
          ],
        },
      }),
    );
    const maxW = 22_080;
    expect(store.compositeSchedule(1, t0, 1800, 'W', DEFAULT_SUPPLY, maxW)).toEqual([
      { startPeriod: 0, limit: 6_900 },
      { startPeriod: 900, limit: 3_450 },
      { startPeriod: 1200, limit: maxW },
    ]);
    expect(store.compositeSchedule(1, t0, 600, 'A', DEFAULT_SUPPLY, maxW)).toEqual([
      { startPeriod: 0, limit: 10 },
    ]);
  });

  it('says which phase the Tx profile in force puts a single-phase car on', () => {
    const store = new ChargingProfileStore();
    const tx = { transactionId: 'tx-1', startedAt: t0 };
    store.set(
      profile({
        id: 5,
        purpose: 'Tx',
        stackLevel: 2,
        transactionId: 'tx-1',
        schedule: {
          unit: 'A',
          startSchedule: t0,
          periods: [
            { startPeriod: 0, limit: 16, numberPhases: 1, phaseToUse: 2 },
            { startPeriod: 900, limit: 16, numberPhases: 1, phaseToUse: 3 },
          ],
        },
      }),
    );
    expect(store.phaseToUseAt(1, at(10), tx)).toBe(2);
    expect(store.phaseToUseAt(1, at(1000), tx)).toBe(3);
    expect(store.phaseToUseAt(1, at(10), { transactionId: 'other', startedAt: t0 })).toBeUndefined();
  });
});
