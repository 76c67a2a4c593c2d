import { StoredReading } from '../schemas/asset.schema';

/** Grid phases L1, L2, L3. */
export type PhaseAmps = [number, number, number];

export interface AreaSupply {
  /** Volts per phase (phase to neutral). */
  voltage: number;
  phases: number;
}

export enum AssetLoadSource {
  /** A recent reading. */
  MEASURED = 'MEASURED',
  /** A static asset. */
  STATIC = 'STATIC',
  /** A measured asset whose last reading is too old (or missing): counted at its static value. */
  STALE = 'STALE',
}

export interface AssetLoadInput {
  staticValueWatts: number;
  fluctuationPercent: number;
  dynamic: boolean;
  lastReading?: StoredReading;
}

/** What an asset draws from its area's supply now, as smart charging and the load curve count it. */
export interface AssetLoad {
  /** Per grid phase, A; negative: fed in. */
  amps: PhaseAmps;
  watts: number;
  source: AssetLoadSource;
}

/**
 * What an asset counts for now: its last reading while recent (safety margin included: consumption
 * counts `fluctuationPercent` more and production as much less, since either may move before the next
 * reading), else its static value (as ev-server does with stale data). Per phase: the reading's
 * currents (signed by the phase's power), else its per-phase power over the phase voltage, else the
 * total spread evenly over the area's phases.
 */
export function effectiveLoad(
  asset: AssetLoadInput,
  supply: AreaSupply,
  now: Date,
  staleAfterMs: number,
): AssetLoad {
  const reading = asset.lastReading;
  const fresh =
    asset.dynamic &&
    reading !== undefined &&
    now.getTime() - new Date(reading.timestamp).getTime() <= staleAfterMs;
  if (!fresh) {
    const source = asset.dynamic ? AssetLoadSource.STALE : AssetLoadSource.STATIC;
    return { amps: spread(asset.staticValueWatts, supply), watts: asset.staticValueWatts, source };
  }
  const margin = asset.fluctuationPercent / 100;
  const withMargin = (value: number): number => (value >= 0 ? value * (1 + margin) : value * (1 - margin));
  const amps = phaseAmps(reading, supply).map(withMargin) as PhaseAmps;
  return { amps, watts: withMargin(reading.watts), source: AssetLoadSource.MEASURED };
}

function phaseAmps(reading: StoredReading, supply: AreaSupply): PhaseAmps {
  const measured = [reading.ampsL1, reading.ampsL2, reading.ampsL3];
  const watts = [reading.wattsL1, reading.wattsL2, reading.wattsL3];
  const volts = [reading.voltsL1, reading.voltsL2, reading.voltsL3];
  if (measured.some(isSet)) {
    return measured.map((amps, phase) => {
      const sign = Math.sign(watts[phase] ?? reading.watts) || 1;
      return (amps ?? 0) * sign;
    }) as PhaseAmps;
  }
  if (watts.some(isSet)) {
    return watts.map((value, phase) => (value ?? 0) / (volts[phase] ?? supply.voltage)) as PhaseAmps;
  }
  return spread(reading.watts, supply);
}

/** A total power spread evenly over the area's phases (a single-phase area: all on L1). */
export function spread(watts: number, supply: AreaSupply): PhaseAmps {
  const phases = supply.phases >= 3 ? 3 : 1;
  const perPhase = watts / (supply.voltage * phases);
  return phases === 3 ? [perPhase, perPhase, perPhase] : [perPhase, 0, 0];
}

function isSet(value: number | undefined): value is number {
  return value !== undefined && value !== null;
}
