import { RoamingEvseStatus } from './roaming-location';

/** OCPP 1.5/1.6 and 2.0.1 connector statuses, as roaming partners see them. */
const STATUS_BY_OCPP: Record<string, RoamingEvseStatus> = {
  Available: 'AVAILABLE',
  Preparing: 'CHARGING',
  Charging: 'CHARGING',
  SuspendedEV: 'CHARGING',
  SuspendedEVSE: 'CHARGING',
  Finishing: 'CHARGING',
  Occupied: 'CHARGING',
  Reserved: 'RESERVED',
  Unavailable: 'INOPERATIVE',
  Faulted: 'OUTOFORDER',
};

/** An offline station's EVSEs are UNKNOWN (OCPI: "also used when offline"); so is a status never reported. */
export function evseStatusOf(ocppStatus: string | undefined, stationOnline: boolean): RoamingEvseStatus {
  if (!stationOnline || !ocppStatus) return 'UNKNOWN';
  return STATUS_BY_OCPP[ocppStatus] ?? 'UNKNOWN';
}
