/**
 * The physics of one charging session, kept pure so it can be unit-tested. On AC an EV accepts its
 * on-board charger's power up to the taper threshold, then less and less as its state of charge
 * approaches 100 %; on DC it accepts what its charging curve gives at its state of charge. The station
 * delivers the smallest of what the EV accepts, what the supply allows and the charging-profile cap.
 */

/** Power (W) a car accepts at a state of charge (percent). */
export interface SocPower {
  soc: number;
  powerW: number;
}

export interface EvSpec {
  batteryWh: number;
  /** The on-board charger's maximum AC power. */
  maxPowerW: number;
  /** Where the constant-power phase ends and tapering starts (percent). */
  taperFromSoc: number;
  /** Phases its on-board charger draws on (default 3). */
  phases?: 1 | 2 | 3;
  /** DC: the most it accepts, and what it accepts by state of charge (sorted by SoC), when known. */
  dcMaxPowerW?: number;
  dcCurve?: readonly SocPower[];
}

export type CurrentType = 'AC' | 'DC';

export interface SupplySpec {
  nominalVoltageV: number;
  /** Phases of an AC supply (1 for DC: one pair of conductors). */
  phases: 1 | 2 | 3;
  maxCurrentA: number;
  /** AC unless said otherwise. */
  currentType?: CurrentType;
}

export interface ChargeState {
  socPercent: number;
  /** The station meter's energy register, which keeps counting across sessions. */
  energyRegisterWh: number;
}

export interface ElectricalReading {
  powerW: number;
  currentsA: number[];
  voltagesV: number[];
}

/** Tapering never drops below this share of the maximum until the battery is full. */
const TAPER_FLOOR_RATIO = 0.08;
/** Integration step: short enough that the taper is followed closely at any speed. */
const MAX_STEP_SECONDS = 5;
/** Per-phase deviation from nominal voltage, so phases are distinguishable like on a real grid. */
const PHASE_VOLTAGE_OFFSETS_V = [0.8, -1.1, 0.3];
/** Voltage sag per ampere drawn (line impedance). */
const SAG_V_PER_A = 0.06;

export const DEFAULT_SUPPLY: SupplySpec = { nominalVoltageV: 230, phases: 3, maxCurrentA: 32 };

export function supplyMaxPowerW(supply: SupplySpec): number {
  return supply.nominalVoltageV * supply.phases * supply.maxCurrentA;
}

/**
 * Converts a charging-schedule limit to watts. Amperes are per phase, as OCPP defines them: a car
 * drawing on fewer phases than the period allows still gets no more than the limit on each.
 */
export function limitToWatts(
  limit: number,
  unit: 'A' | 'W',
  supply: SupplySpec,
  numberPhases?: number,
): number {
  if (unit === 'W') return limit;
  return limit * supply.nominalVoltageV * Math.min(numberPhases ?? supply.phases, supply.phases);
}

/** A DC charger of `powerW` at a nominal 400 V battery voltage. */
export function dcSupply(powerW: number): SupplySpec {
  return { nominalVoltageV: 400, phases: 1, maxCurrentA: powerW / 400, currentType: 'DC' };
}

/** The supply as one car sees it on AC: a car with a one- or two-phase charger draws on those only. */
export function supplyForEv(supply: SupplySpec, ev: EvSpec): SupplySpec {
  if (supply.currentType === 'DC' || !ev.phases || ev.phases >= supply.phases) return supply;
  return { ...supply, phases: ev.phases };
}

/** What the EV asks for at a given state of charge, on AC (its on-board charger) or DC (its curve). */
export function evAcceptedPowerW(ev: EvSpec, socPercent: number, currentType: CurrentType = 'AC'): number {
  if (socPercent >= 100) return 0;
  if (currentType === 'DC' && ev.dcCurve?.length) return curvePowerW(ev.dcCurve, socPercent);
  const maxPowerW = currentType === 'DC' ? (ev.dcMaxPowerW ?? ev.maxPowerW) : ev.maxPowerW;
  if (socPercent <= ev.taperFromSoc) return maxPowerW;
  const remaining = (100 - socPercent) / (100 - ev.taperFromSoc);
  return maxPowerW * Math.max(TAPER_FLOOR_RATIO, remaining);
}

/**
 * A charging curve at a state of charge: its points exactly, straight lines between them, flat before
 * the first and after the last.
 */
export function curvePowerW(curve: readonly SocPower[], socPercent: number): number {
  const after = curve.findIndex((point) => point.soc >= socPercent);
  if (after === 0) return curve[0].powerW;
  if (after < 0) return curve[curve.length - 1].powerW;
  const [from, to] = [curve[after - 1], curve[after]];
  return from.powerW + ((to.powerW - from.powerW) * (socPercent - from.soc)) / (to.soc - from.soc);
}

export function deliveredPowerW(ev: EvSpec, supply: SupplySpec, socPercent: number, capW: number): number {
  return Math.max(
    0,
    Math.min(evAcceptedPowerW(ev, socPercent, supply.currentType), supplyMaxPowerW(supply), capW),
  );
}

/**
 * Advances a session by `seconds` of simulated time, integrating power over short steps so the energy
 * register always equals the sum of power × time. Stops integrating when `targetSoc` is reached.
 */
export function advanceCharge(
  state: ChargeState,
  ev: EvSpec,
  supply: SupplySpec,
  capW: number,
  seconds: number,
  targetSoc = 100,
): { state: ChargeState; powerW: number; energyWh: number } {
  let { socPercent, energyRegisterWh } = state;
  let remaining = Math.max(0, seconds);
  let energyWh = 0;
  while (remaining > 0 && socPercent < targetSoc) {
    const step = Math.min(MAX_STEP_SECONDS, remaining);
    const powerW = deliveredPowerW(ev, supply, socPercent, capW);
    if (powerW <= 0) break;
    let stepWh = (powerW * step) / 3600;
    const whToTarget = ((targetSoc - socPercent) / 100) * ev.batteryWh;
    if (stepWh > whToTarget) stepWh = whToTarget;
    energyWh += stepWh;
    energyRegisterWh += stepWh;
    socPercent += (stepWh / ev.batteryWh) * 100;
    remaining -= step;
  }
  const reached = socPercent >= targetSoc - 1e-9;
  const powerW = reached ? 0 : deliveredPowerW(ev, supply, socPercent, capW);
  return { state: { socPercent: Math.min(100, socPercent), energyRegisterWh }, powerW, energyWh };
}

/**
 * Per-phase currents and voltages that match a power exactly: P = Σ V·I over the phases (unity power
 * factor). `onPhases` (0-based) are the phases the car draws on, all of the supply's by default;
 * the others carry no current.
 */
export function electricalReading(
  powerW: number,
  supply: SupplySpec,
  onPhases: readonly number[] = [0, 1, 2].slice(0, supply.phases),
): ElectricalReading {
  const phases = Math.max(supply.phases, ...onPhases.map((phase) => phase + 1));
  const nominalCurrent = powerW / (supply.nominalVoltageV * onPhases.length);
  const voltagesV: number[] = [];
  for (let phase = 0; phase < phases; phase++) {
    const sag = onPhases.includes(phase) ? SAG_V_PER_A * nominalCurrent : 0;
    voltagesV.push(supply.nominalVoltageV + PHASE_VOLTAGE_OFFSETS_V[phase] - sag);
  }
  const drawing = onPhases.reduce((sum, phase) => sum + voltagesV[phase], 0);
  const current = powerW / drawing;
  return {
    powerW,
    currentsA: voltagesV.map((_, phase) => (onPhases.includes(phase) ? current : 0)),
    voltagesV,
  };
}
