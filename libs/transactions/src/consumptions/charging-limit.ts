import { ChargingProfileInput } from '@csms/stations';

/** Volts per phase assumed to turn an ampere limit into watts (the station's own voltage is unknown here). */
export const NOMINAL_PHASE_VOLTAGE = 230;
const DEFAULT_PHASES = 3;

/**
 * The power limit a charging profile puts in force at `now`, in W: the schedule period that has
 * started most recently (periods count from startSchedule, else from validFrom, else from now);
 * ampere limits are converted with the nominal voltage and the period's phases (3 when not given).
 * Undefined when no period has started or the profile is outside its validity.
 */
export function limitWattsOf(profile: ChargingProfileInput, now: Date): number | undefined {
  if (profile.validFrom && now < profile.validFrom) return undefined;
  if (profile.validTo && now >= profile.validTo) return undefined;
  const { schedule } = profile;
  const start = schedule.startSchedule ?? profile.validFrom ?? now;
  const elapsedSeconds = (now.getTime() - start.getTime()) / 1000;
  if (elapsedSeconds < 0 || (schedule.duration !== undefined && elapsedSeconds >= schedule.duration)) {
    return undefined;
  }
  const current = [...schedule.periods]
    .sort((a, b) => a.startPeriod - b.startPeriod)
    .filter((period) => period.startPeriod <= elapsedSeconds)
    .at(-1);
  if (!current) return undefined;
  return periodWatts(schedule.rateUnit, current);
}

/** A schedule period's limit in W (ampere limits with the nominal voltage, on 3 phases when not given). */
export function periodWatts(rateUnit: 'A' | 'W', period: { limit: number; numberPhases?: number }): number {
  if (rateUnit === 'W') return period.limit;
  return period.limit * NOMINAL_PHASE_VOLTAGE * (period.numberPhases ?? DEFAULT_PHASES);
}
