/**
 * Where a car-data service's JSON holds each figure: dot-separated paths ("data.0.battery.level";
 * a number indexes an array). The service's own names, configured per tenant.
 */
export interface CarDataFieldMapping {
  /** The array of vehicles in the vehicle list's answer; empty: the answer is the array. */
  vehicleList: string;
  vehicleId: string;
  vehicleVin: string;
  /** The state of charge, percent. */
  stateOfCharge: string;
  /** When the car measured it (ISO 8601, or Unix seconds or milliseconds); unset: when it was read. */
  timestamp?: string;
  /** km. */
  odometer?: string;
  /** The remaining range, km. */
  range?: string;
}

/** Tronity's names (its vehicle list and its battery / last-record answers). */
export const DEFAULT_FIELD_MAPPING: CarDataFieldMapping = {
  vehicleList: 'data',
  vehicleId: 'id',
  vehicleVin: 'vin',
  stateOfCharge: 'level',
  timestamp: 'timestamp',
  odometer: 'odometer',
  range: 'range',
};

/** What a path accepts: names of letters, digits, `_`, `-`, `$`, `@`, joined by dots. */
export const FIELD_PATH = /^[\w$@-]+(\.[\w$@-]+)*$/;

/** The service's answer does not hold what the mapping says (a wrong mapping, or a changed API). */
export class CarDataMappingError extends Error {}

/** What a car-data service said of a car. */
export interface CarReading {
  stateOfCharge: number;
  measuredAt: Date;
  odometerKm?: number;
  rangeKm?: number;
}

export interface CarDataVehicle {
  id: string;
  vin: string;
}

/** The value at `path` in `json`, or undefined. */
export function valueAt(json: unknown, path: string): unknown {
  if (!path) return json;
  let value: unknown = json;
  for (const segment of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = Array.isArray(value)
      ? /^\d+$/.test(segment)
        ? value[Number(segment)]
        : undefined
      : Object.hasOwn(value, segment)
        ? (value as Record<string, unknown>)[segment]
        : undefined;
  }
  return value;
}

/** The vehicles of a vehicle list's answer that have an id and a VIN. */
export function vehiclesOf(json: unknown, mapping: CarDataFieldMapping): CarDataVehicle[] {
  const list = valueAt(json, mapping.vehicleList);
  if (!Array.isArray(list)) {
    throw new CarDataMappingError(
      `The vehicle list has no array at "${mapping.vehicleList || '(the answer)'}"`,
    );
  }
  return list.flatMap((vehicle) => {
    const id = valueAt(vehicle, mapping.vehicleId);
    const vin = valueAt(vehicle, mapping.vehicleVin);
    return (typeof id === 'string' || typeof id === 'number') && typeof vin === 'string' && vin
      ? [{ id: String(id), vin: vin.trim().toUpperCase() }]
      : [];
  });
}

/** The vehicle of this VIN in a vehicle list's answer (VINs compared without case), or null. */
export function vehicleOfVin(
  json: unknown,
  mapping: CarDataFieldMapping,
  vin: string,
): CarDataVehicle | null {
  const wanted = vin.trim().toUpperCase();
  return vehiclesOf(json, mapping).find((vehicle) => vehicle.vin === wanted) ?? null;
}

/** The reading in a service's answer; `readAt` stands in for a timestamp the mapping does not name. */
export function readingOf(json: unknown, mapping: CarDataFieldMapping, readAt: Date): CarReading {
  const stateOfCharge = numberAt(json, mapping.stateOfCharge);
  if (stateOfCharge === undefined || stateOfCharge < 0 || stateOfCharge > 100) {
    throw new CarDataMappingError(`No state of charge (0-100) at "${mapping.stateOfCharge}"`);
  }
  const measuredAt = mapping.timestamp ? timeAt(json, mapping.timestamp) : readAt;
  const odometerKm = mapping.odometer ? numberAt(json, mapping.odometer) : undefined;
  const rangeKm = mapping.range ? numberAt(json, mapping.range) : undefined;
  return {
    stateOfCharge,
    // A car's clock ahead of ours would put the reading after points not yet measured.
    measuredAt: measuredAt.getTime() > readAt.getTime() ? readAt : measuredAt,
    ...(odometerKm !== undefined && odometerKm >= 0 ? { odometerKm } : {}),
    ...(rangeKm !== undefined && rangeKm >= 0 ? { rangeKm } : {}),
  };
}

function numberAt(json: unknown, path: string): number | undefined {
  const value = valueAt(json, path);
  const number = typeof value === 'string' && value.trim() ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** Unix seconds below this, milliseconds above (1e11 s is in the year 5138). */
const SECONDS_LIMIT = 1e11;

function timeAt(json: unknown, path: string): Date {
  const value = valueAt(json, path);
  const numeric =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)
        ? Number(value)
        : undefined;
  const time =
    numeric !== undefined
      ? numeric < SECONDS_LIMIT
        ? numeric * 1000
        : numeric
      : typeof value === 'string'
        ? Date.parse(value)
        : NaN;
  if (!Number.isFinite(time)) throw new CarDataMappingError(`No timestamp at "${path}"`);
  return new Date(time);
}
