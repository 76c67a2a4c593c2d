import { ChargingRateUnit } from '../commands/command-enums';
import { ChargingProfileInput } from '../ports/station-commands.port';

/**
 * Static limits use their own profile ids, so setting one again replaces it (OCPP replaces a
 * profile with the same id) and clearing it leaves other profiles alone: one id for the station's
 * ChargePointMaxProfile, one per connector for its TxDefaultProfile (ids are unique per station).
 */
export const STATION_LIMIT_PROFILE_ID = 900_000;

/**
 * One above the level defaults are installed at (0), so the limit wins over them; kept low because
 * stations accept levels up to their ChargeProfileMaxStackLevel only, often a single digit.
 */
export const STATIC_LIMIT_STACK_LEVEL = 1;

/** Periods start a minute before now: a station whose clock runs a little behind applies it at once. */
const CLOCK_SKEW_MS = 60_000;

export function staticLimitProfileId(connectorId: number): number {
  return STATION_LIMIT_PROFILE_ID + connectorId;
}

/**
 * The profile that puts `limit` (in `unit`) in force with no end: for the whole station (connector
 * 0) a ChargePointMaxProfile, for one connector a TxDefaultProfile. The OCPP edge encodes it per
 * version (2.0.1: ChargingStationMaxProfile, EVSE ids).
 */
export function staticLimitProfile(
  connectorId: number,
  limit: number,
  unit: ChargingRateUnit,
  now: Date,
): ChargingProfileInput {
  const startSchedule = new Date(Math.floor((now.getTime() - CLOCK_SKEW_MS) / 1000) * 1000);
  return {
    chargingProfileId: staticLimitProfileId(connectorId),
    stackLevel: STATIC_LIMIT_STACK_LEVEL,
    purpose: connectorId === 0 ? 'ChargePointMaxProfile' : 'TxDefaultProfile',
    kind: 'Absolute',
    schedule: { startSchedule, rateUnit: unit, periods: [{ startPeriod: 0, limit }] },
  };
}
