import { RoamingEvseStatus, RoamingLocation } from './roaming-location';

/** Outbox kinds of the locations a CPO pushes (payloads are neutral; each protocol renders them). */
export const LOCATION_PUT = 'location.put';
export const EVSE_STATUS = 'evse.status';

export type LocationPutPayload = RoamingLocation;

export interface EvseStatusPayload {
  locationId: string;
  evseUid: string;
  status: RoamingEvseStatus;
  lastUpdated: Date;
}

/** All pushes of one location share this ordering key: a status never overtakes the location it patches. */
export function locationObjectKey(locationId: string): string {
  return `location:${locationId}`;
}
