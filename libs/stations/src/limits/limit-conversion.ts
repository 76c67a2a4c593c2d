import { ChargingRateUnit } from '../commands/command-enums';
import { ChargingStation } from '../models/charging-station.model';
import { SupplyOfArea } from './ports/site-area-supply.port';

/** Volts per phase when neither the station (template) nor its site area says: as charging-limit.ts. */
export const NOMINAL_PHASE_VOLTAGE = 230;
/** Phases when nothing says: three, as OCPP assumes for a schedule period without numberPhases. */
export const DEFAULT_PHASES = 3;

/** What turns amperes into watts for one station or connector. */
export interface ElectricalSupply {
  voltage: number;
  phases: number;
}

/**
 * The supply of a station (`connectorId` 0) or one of its connectors. Voltage: the station's
 * (template), else its site area's, else nominal. Phases: the connector's (template); for the whole
 * station the most any connector has; else the site area's; else three.
 */
export function supplyOf(
  station: Pick<ChargingStation, 'voltage' | 'connectors'>,
  connectorId: number,
  area?: SupplyOfArea | null,
): ElectricalSupply {
  const phases =
    connectorId === 0
      ? Math.max(0, ...station.connectors.map((connector) => connector.numberOfPhases ?? 0)) || undefined
      : station.connectors.find((connector) => connector.connectorId === connectorId)?.numberOfPhases;
  return {
    voltage: station.voltage ?? area?.voltage ?? NOMINAL_PHASE_VOLTAGE,
    phases: phases ?? area?.numberOfPhases ?? DEFAULT_PHASES,
  };
}

export function ampsToWatts(amps: number, supply: ElectricalSupply): number {
  return amps * supply.voltage * supply.phases;
}

export function wattsToAmps(watts: number, supply: ElectricalSupply): number {
  return watts / (supply.voltage * supply.phases);
}

/** `value` rounded down to `step` (a limit must never come out above what was asked). */
export function floorTo(value: number, step: number): number {
  // The epsilon keeps 7.3 / 0.1 = 72.99999… from losing a step.
  return Math.floor(value / step + 1e-9) * step;
}

/** Rounded down to the one decimal OCPP 1.6 allows in a schedule period's limit. */
export function scheduleLimit(value: number): number {
  return Math.round(floorTo(value, 0.1) * 10) / 10;
}

/** `limit` in `unit` as watts. */
export function toWatts(limit: number, unit: ChargingRateUnit, supply: ElectricalSupply): number {
  return unit === ChargingRateUnit.W ? limit : ampsToWatts(limit, supply);
}

/** `limit` in `from` expressed in `to`. */
export function convertLimit(
  limit: number,
  from: ChargingRateUnit,
  to: ChargingRateUnit,
  supply: ElectricalSupply,
): number {
  if (from === to) return limit;
  return to === ChargingRateUnit.W ? ampsToWatts(limit, supply) : wattsToAmps(limit, supply);
}
