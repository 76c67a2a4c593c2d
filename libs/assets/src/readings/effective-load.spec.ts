import { AssetLoadSource, effectiveLoad } from './effective-load';

describe('effectiveLoad', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const threePhase = { voltage: 230, phases: 3 };
  const staleAfterMs = 180_000;
  const recent = new Date(now.getTime() - 30_000);

  it('counts a static asset at its static value, spread over the phases', () => {
    const load = effectiveLoad(
      { staticValueWatts: 6900, fluctuationPercent: 0, dynamic: false },
      threePhase,
      now,
      staleAfterMs,
    );
    expect(load.source).toBe(AssetLoadSource.STATIC);
    expect(load.amps.map((amps) => Math.round(amps))).toEqual([10, 10, 10]);
  });

  it('uses a recent reading with its margin: consumption counts more, production less', () => {
    const building = effectiveLoad(
      {
        staticValueWatts: 0,
        fluctuationPercent: 10,
        dynamic: true,
        lastReading: { timestamp: recent, watts: 6900 },
      },
      threePhase,
      now,
      staleAfterMs,
    );
    expect(building.source).toBe(AssetLoadSource.MEASURED);
    expect(building.amps[0]).toBeCloseTo(11, 5);
    const solar = effectiveLoad(
      {
        staticValueWatts: 0,
        fluctuationPercent: 10,
        dynamic: true,
        lastReading: { timestamp: recent, watts: -6900 },
      },
      threePhase,
      now,
      staleAfterMs,
    );
    expect(solar.amps[2]).toBeCloseTo(-9, 5);
    expect(solar.watts).toBeCloseTo(-6210, 5);
  });

  it('falls back to the static value once the reading is stale', () => {
    const old = new Date(now.getTime() - 181_000);
    const load = effectiveLoad(
      {
        staticValueWatts: 2300,
        fluctuationPercent: 0,
        dynamic: true,
        lastReading: { timestamp: old, watts: 9000 },
      },
      threePhase,
      now,
      staleAfterMs,
    );
    expect(load.source).toBe(AssetLoadSource.STALE);
    expect(load.watts).toBe(2300);
  });

  it('takes measured currents per phase, signed by the phase power', () => {
    const load = effectiveLoad(
      {
        staticValueWatts: 0,
        fluctuationPercent: 0,
        dynamic: true,
        lastReading: {
          timestamp: recent,
          watts: 1000,
          wattsL1: 3000,
          wattsL2: -2000,
          wattsL3: 0,
          ampsL1: 13,
          ampsL2: 8.7,
          ampsL3: 0,
        },
      },
      threePhase,
      now,
      staleAfterMs,
    );
    expect(load.amps).toEqual([13, -8.7, 0]);
  });
});
