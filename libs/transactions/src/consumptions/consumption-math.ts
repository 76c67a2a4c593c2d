import { SampledValue } from '../ports/transaction-inbound.port';

/** One point of the charging curve, computed from one MeterValue. */
export interface ConsumptionPoint {
  timestamp: Date;
  /** Energy delivered since the session started, Wh. */
  cumulatedWh: number;
  instantWatts?: number;
  instantAmps?: number;
  instantAmpsL1?: number;
  instantAmpsL2?: number;
  instantAmpsL3?: number;
  voltage?: number;
  stateOfCharge?: number;
  limitWatts?: number;
  /** What this point's interval cost, incl. VAT (priced sessions only). */
  amount?: number;
  /** The session's price so far, incl. VAT, rounded to the currency's minor units. */
  cumulatedAmount?: number;
}

/** The reading before this one in the same session, to derive power from ΔWh/Δt. */
export interface PreviousReading {
  timestamp: Date;
  cumulatedWh: number;
}

export interface ConsumptionContext {
  meterStartWh: number;
  previous?: PreviousReading;
  /** The smart-charging limit in force, when known and the station did not report Power.Offered. */
  limitWatts?: number;
}

const ENERGY_REGISTER = 'Energy.Active.Import.Register';
const POWER = 'Power.Active.Import';
const POWER_OFFERED = 'Power.Offered';
const CURRENT = 'Current.Import';
const VOLTAGE = 'Voltage';
const SOC = 'SoC';

/** Phases that each carry part of the flow; N and line-to-line readings are not summed. */
const PHASE_OF: Record<string, 'L1' | 'L2' | 'L3'> = {
  L1: 'L1',
  L2: 'L2',
  L3: 'L3',
  'L1-N': 'L1',
  'L2-N': 'L2',
  'L3-N': 'L3',
};

const UNIT_FACTORS: Record<string, number> = { Wh: 1, kWh: 1000, W: 1, kW: 1000, A: 1, V: 1, Percent: 1 };

interface Reading {
  value: number;
  phase?: string;
}

function numeric(sample: SampledValue): number | undefined {
  if (sample.format === 'SignedData') return undefined;
  const value = Number(sample.value);
  if (!Number.isFinite(value)) return undefined;
  return value * (UNIT_FACTORS[sample.unit ?? ''] ?? 1);
}

const NO_READINGS: readonly Reading[] = [];

/**
 * The usable readings of a MeterValue by measurand, in one pass: this runs for every sample a
 * station sends, so it allocates only what it keeps.
 */
function readingsByMeasurand(samples: SampledValue[]): Map<string, Reading[]> {
  const found = new Map<string, Reading[]>();
  for (const sample of samples) {
    // OCPP: a sampled value without measurand is the import energy register.
    const measurand = sample.measurand ?? ENERGY_REGISTER;
    // The EV side (location EV) is the car's own view, not what the meter delivered.
    if (sample.location === 'EV' && measurand !== SOC) continue;
    const value = numeric(sample);
    if (value === undefined) continue;
    const reading = { value, phase: sample.phase };
    const readings = found.get(measurand);
    if (readings) readings.push(reading);
    else found.set(measurand, [reading]);
  }
  return found;
}

/** What a measurand the MeterValue did not carry has per phase (shared: never changed). */
const NO_PHASES: Readonly<Partial<Record<'L1' | 'L2' | 'L3', number>>> = Object.freeze({});

/** The total of a flow: the reading without phase when given, else the sum of the phases. */
function total(values: readonly Reading[]): number | undefined {
  if (!values.length) return undefined;
  const whole = values.find((reading) => !reading.phase);
  if (whole) return whole.value;
  const phases = perPhase(values);
  const present = Object.values(phases);
  return present.length ? present.reduce((sum, value) => sum + value, 0) : undefined;
}

function perPhase(values: readonly Reading[]): Readonly<Partial<Record<'L1' | 'L2' | 'L3', number>>> {
  if (!values.length) return NO_PHASES;
  const phases: Partial<Record<'L1' | 'L2' | 'L3', number>> = {};
  for (const reading of values) {
    const phase = reading.phase ? PHASE_OF[reading.phase] : undefined;
    if (phase && phases[phase] === undefined) phases[phase] = reading.value;
  }
  return phases;
}

/** Voltage as one figure: the reading without phase, else the mean of the phase-to-neutral readings. */
function voltageOf(values: readonly Reading[]): number | undefined {
  if (!values.length) return undefined;
  const whole = values.find((reading) => !reading.phase);
  if (whole) return whole.value;
  const phases = Object.values(perPhase(values));
  return phases.length ? phases.reduce((sum, value) => sum + value, 0) / phases.length : undefined;
}

function derivedWatts(
  voltages: readonly Reading[],
  currents: readonly Reading[],
  cumulatedWh: number | undefined,
  timestamp: Date,
  previous?: PreviousReading,
): number | undefined {
  const voltsPerPhase = perPhase(voltages);
  const ampsPerPhase = perPhase(currents);
  const phases = (['L1', 'L2', 'L3'] as const).filter(
    (phase) => voltsPerPhase[phase] !== undefined && ampsPerPhase[phase] !== undefined,
  );
  if (phases.length)
    return phases.reduce((sum, phase) => sum + voltsPerPhase[phase]! * ampsPerPhase[phase]!, 0);
  const volts = voltageOf(voltages);
  const amps = total(currents);
  if (volts !== undefined && amps !== undefined) return volts * amps;
  if (cumulatedWh === undefined || !previous) return undefined;
  const hours = (timestamp.getTime() - previous.timestamp.getTime()) / 3_600_000;
  if (hours <= 0) return undefined;
  return Math.max(0, (cumulatedWh - previous.cumulatedWh) / hours);
}

const round = (value: number | undefined, digits = 3): number | undefined =>
  value === undefined ? undefined : Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Turns one MeterValue into a point of the charging curve: energy since start from the register
 * (Wh or kWh), power (W or kW; the total, else the sum of the phases; else V×A; else ΔWh/Δt),
 * current per phase and in total, voltage, state of charge and the limit in force.
 */
export function toConsumption(
  timestamp: Date,
  samples: SampledValue[],
  context: ConsumptionContext,
): ConsumptionPoint {
  const readings = readingsByMeasurand(samples);
  const of = (measurand: string): readonly Reading[] => readings.get(measurand) ?? NO_READINGS;
  const registerWh = total(of(ENERGY_REGISTER));
  const cumulatedWh =
    registerWh !== undefined
      ? Math.max(0, registerWh - context.meterStartWh)
      : (context.previous?.cumulatedWh ?? 0);
  const currents = of(CURRENT);
  const voltages = of(VOLTAGE);
  const amps = perPhase(currents);
  const instantWatts =
    total(of(POWER)) ??
    derivedWatts(
      voltages,
      currents,
      registerWh !== undefined ? cumulatedWh : undefined,
      timestamp,
      context.previous,
    );
  const soc = of(SOC);
  // Only the figures the MeterValue gave: an absent one is no key at all (stored and published as is).
  const point: ConsumptionPoint = { timestamp, cumulatedWh: round(cumulatedWh)! };
  setDefined(point, 'instantWatts', round(instantWatts));
  setDefined(point, 'instantAmps', round(total(currents)));
  setDefined(point, 'instantAmpsL1', amps.L1);
  setDefined(point, 'instantAmpsL2', amps.L2);
  setDefined(point, 'instantAmpsL3', amps.L3);
  setDefined(point, 'voltage', round(voltageOf(voltages)));
  setDefined(point, 'stateOfCharge', soc.length ? soc[0].value : undefined);
  setDefined(point, 'limitWatts', round(total(of(POWER_OFFERED)) ?? context.limitWatts));
  return point;
}

function setDefined(point: ConsumptionPoint, key: keyof ConsumptionPoint, value: number | undefined): void {
  if (value !== undefined) (point as unknown as Record<string, number>)[key] = value;
}
