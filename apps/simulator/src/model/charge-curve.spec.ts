import {
  advanceCharge,
  DEFAULT_SUPPLY,
  deliveredPowerW,
  electricalReading,
  evAcceptedPowerW,
  EvSpec,
  limitToWatts,
  supplyForEv,
} from './charge-curve';

const ev: EvSpec = { batteryWh: 60_000, maxPowerW: 11_000, taperFromSoc: 80 };

describe('charge curve', () => {
  it('accepts constant power up to the taper threshold, then less and less until full', () => {
    expect(evAcceptedPowerW(ev, 20)).toBe(11_000);
    expect(evAcceptedPowerW(ev, 80)).toBe(11_000);
    const at85 = evAcceptedPowerW(ev, 85);
    const at95 = evAcceptedPowerW(ev, 95);
    expect(at85).toBeLessThan(11_000);
    expect(at95).toBeLessThan(at85);
    expect(at95).toBeGreaterThan(0);
    expect(evAcceptedPowerW(ev, 100)).toBe(0);
  });

  it('integrates energy consistently with power × time in the constant phase', () => {
    const start = { socPercent: 20, energyRegisterWh: 1_000_000 };
    const { state, energyWh, powerW } = advanceCharge(start, ev, DEFAULT_SUPPLY, Infinity, 3600);
    expect(powerW).toBe(11_000);
    expect(energyWh).toBeCloseTo(11_000, 6);
    expect(state.energyRegisterWh - start.energyRegisterWh).toBeCloseTo(energyWh, 6);
    expect(state.socPercent).toBeCloseTo(20 + (11_000 / 60_000) * 100, 6);
  });

  it('delivers less energy per hour while tapering and stops exactly at the target', () => {
    const tapering = advanceCharge(
      { socPercent: 85, energyRegisterWh: 0 },
      ev,
      DEFAULT_SUPPLY,
      Infinity,
      600,
    );
    expect(tapering.energyWh).toBeLessThan((11_000 * 600) / 3600);
    const toTarget = advanceCharge(
      { socPercent: 70, energyRegisterWh: 0 },
      ev,
      DEFAULT_SUPPLY,
      Infinity,
      10 * 3600,
      90,
    );
    expect(toTarget.state.socPercent).toBeCloseTo(90, 6);
    expect(toTarget.energyWh).toBeCloseTo(0.2 * 60_000, 3);
    expect(toTarget.powerW).toBe(0);
  });

  it('never exceeds the cap or the supply, and a zero cap stops charging', () => {
    expect(deliveredPowerW(ev, DEFAULT_SUPPLY, 30, 4_000)).toBe(4_000);
    const fast: EvSpec = { batteryWh: 90_000, maxPowerW: 50_000, taperFromSoc: 80 };
    expect(deliveredPowerW(fast, DEFAULT_SUPPLY, 30, Infinity)).toBeCloseTo(230 * 3 * 32, 6);
    const capped = advanceCharge({ socPercent: 30, energyRegisterWh: 0 }, ev, DEFAULT_SUPPLY, 4_000, 1800);
    expect(capped.powerW).toBe(4_000);
    expect(capped.energyWh).toBeCloseTo(2_000, 6);
    const stopped = advanceCharge({ socPercent: 30, energyRegisterWh: 5 }, ev, DEFAULT_SUPPLY, 0, 1800);
    expect(stopped.energyWh).toBe(0);
    expect(stopped.state.energyRegisterWh).toBe(5);
  });

  it('converts ampere limits per phase to watts', () => {
    expect(limitToWatts(16, 'A', DEFAULT_SUPPLY)).toBe(16 * 230 * 3);
    expect(limitToWatts(16, 'A', DEFAULT_SUPPLY, 1)).toBe(16 * 230);
    expect(limitToWatts(7_400, 'W', DEFAULT_SUPPLY)).toBe(7_400);
  });

  it('reports per-phase currents and voltages whose V × I sums to the power', () => {
    const reading = electricalReading(11_000, DEFAULT_SUPPLY);
    expect(reading.currentsA).toHaveLength(3);
    expect(reading.voltagesV).toHaveLength(3);
    const sum = reading.currentsA.reduce(
      (total, current, phase) => total + current * reading.voltagesV[phase],
      0,
    );
    expect(sum).toBeCloseTo(11_000, 6);
    expect(reading.currentsA[0]).toBeCloseTo(11_000 / 690, 0);
    for (const voltage of reading.voltagesV) expect(Math.abs(voltage - 230)).toBeLessThan(5);
  });
});

describe('single-phase cars', () => {
  it('draw on the phase they are on only, and an ampere limit counts per phase drawn', () => {
    const reading = electricalReading(3_680, DEFAULT_SUPPLY, [1]);
    expect(reading.currentsA[0]).toBe(0);
    expect(reading.currentsA[2]).toBe(0);
    expect(reading.currentsA[1] * reading.voltagesV[1]).toBeCloseTo(3_680, 6);
    const onePhase = supplyForEv(DEFAULT_SUPPLY, {
      batteryWh: 40_000,
      maxPowerW: 7_400,
      taperFromSoc: 80,
      phases: 1,
    });
    expect(onePhase.phases).toBe(1);
    // 16 A per phase on a 3-phase period is still 16 A for a car on one phase.
    expect(limitToWatts(16, 'A', onePhase, 3)).toBe(16 * 230);
    expect(limitToWatts(16, 'A', DEFAULT_SUPPLY, 3)).toBe(16 * 230 * 3);
  });
});
