/**
 * A public site as roaming partners see it, in neutral terms (OCPI renders it as a Location, OICP as EVSE
 * data): one EVSE per station connector (OCPP 1.x) or EVSE (2.0.1), the way the OCA's note on multiple
 * connectors per EVSE advises for 1.x.
 */

/** EVSE status in OCPI's words (they are also what OICP needs, mapped again). */
export type RoamingEvseStatus =
  | 'AVAILABLE'
  | 'BLOCKED'
  | 'CHARGING'
  | 'INOPERATIVE'
  | 'OUTOFORDER'
  | 'PLANNED'
  | 'REMOVED'
  | 'RESERVED'
  | 'UNKNOWN';

export type RoamingPowerType = 'AC_1_PHASE' | 'AC_2_PHASE' | 'AC_3_PHASE' | 'DC';

export interface RoamingConnector {
  /** The connector's id within its EVSE ("1": one connector per EVSE). */
  id: string;
  /** OCPI ConnectorType, e.g. IEC_62196_T2. */
  standard: string;
  format: 'SOCKET' | 'CABLE';
  powerType: RoamingPowerType;
  maxVoltage: number;
  maxAmperage: number;
  maxElectricPower?: number;
  tariffIds: string[];
  lastUpdated: Date;
}

export interface RoamingEvse {
  /** Unique in the tenant, never reused: `<station id>*<connector id>` (a digest when that will not do). */
  uid: string;
  stationId: string;
  /** The site area of its station: OICP's ChargingPool. */
  siteAreaId?: string;
  connectorId: number;
  status: RoamingEvseStatus;
  capabilities: string[];
  connectors: RoamingConnector[];
  lastUpdated: Date;
}

export interface RoamingOpeningHours {
  twentyfourseven: boolean;
  /** weekday 1 (Monday) … 7 (Sunday), HH:MM local. */
  regularHours: { weekday: number; periodBegin: string; periodEnd: string }[];
}

export interface RoamingLocation {
  /** The site's id. */
  id: string;
  /** Whether partners get it: a public site with what a location needs (address, city, country, position). */
  published: boolean;
  /** Why an otherwise public site is not published. */
  problems: string[];
  name: string;
  address: string;
  city: string;
  postalCode?: string;
  /** ISO 3166-1 alpha-3. */
  country: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  openingHours: RoamingOpeningHours;
  evses: RoamingEvse[];
  lastUpdated: Date;
}
