import { emi3EvseId } from '../../locations/evse-ids';
import {
  RoamingConnector,
  RoamingEvse,
  RoamingEvseStatus,
  RoamingLocation,
} from '../../locations/roaming-location';
import { OicpConnection, operatorParts } from '../settings/oicp-connection';

/** OICP's EvseID allows at most 30 characters after the `E` (`DE*VGC*E` + 30). */
const EVSE_ID_LENGTH = 8 + 30;

/** The EVSE's eMI3 id from the tenant's OperatorID: `DE*VGC*E<station>*<connector>`. */
export function oicpEvseId(operatorId: string, stationId: string, connectorId: number): string {
  const { countryCode, partyId } = operatorParts(operatorId);
  return emi3EvseId(countryCode, partyId, stationId, connectorId, EVSE_ID_LENGTH);
}

/**
 * The ChargingPoolID of a site area (the site's for a station outside any area): `DE*VGC*P<its id's
 * letters and digits>`. A pool is the EVSEs that share a place and its grid connection: a site area.
 */
export function oicpChargingPoolId(operatorId: string, poolId: string): string {
  const { countryCode, partyId } = operatorParts(operatorId);
  return `${countryCode}*${partyId}*P${
    poolId
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 30) || 'X'
  }`;
}

export type OicpEvseStatus =
  'Available' | 'Reserved' | 'Occupied' | 'OutOfService' | 'EvseNotFound' | 'Unknown';

const STATUS: Record<RoamingEvseStatus, OicpEvseStatus> = {
  AVAILABLE: 'Available',
  BLOCKED: 'Occupied',
  CHARGING: 'Occupied',
  INOPERATIVE: 'OutOfService',
  OUTOFORDER: 'OutOfService',
  PLANNED: 'OutOfService',
  REMOVED: 'EvseNotFound',
  RESERVED: 'Reserved',
  UNKNOWN: 'Unknown',
};

export function oicpStatusOf(status: RoamingEvseStatus): OicpEvseStatus {
  return STATUS[status];
}

/** OCPI connector standard and format → OICP plug. */
function plugOf(connector: RoamingConnector): string | undefined {
  const cable = connector.format === 'CABLE';
  switch (connector.standard) {
    case 'IEC_62196_T2':
      return cable ? 'Type 2 Connector (Cable Attached)' : 'Type 2 Outlet';
    case 'IEC_62196_T2_COMBO':
      return 'CCS Combo 2 Plug (Cable Attached)';
    case 'IEC_62196_T1':
      return 'Type 1 Connector (Cable Attached)';
    case 'IEC_62196_T1_COMBO':
      return 'CCS Combo 1 Plug (Cable Attached)';
    case 'IEC_62196_T3A':
    case 'IEC_62196_T3C':
      return 'Type 3 Outlet';
    case 'CHADEMO':
      return 'CHAdeMO';
    case 'DOMESTIC_E':
      return 'Type E French Standard';
    case 'DOMESTIC_F':
      return 'Type F Schuko';
    case 'DOMESTIC_G':
      return 'Type G British Standard';
    case 'DOMESTIC_J':
      return 'Type J Swiss Standard';
    case 'IEC_60309_2_single_16':
      return 'IEC 60309 Single Phase';
    case 'IEC_60309_2_three_16':
    case 'IEC_60309_2_three_32':
    case 'IEC_60309_2_three_64':
      return 'IEC 60309 Three Phase';
    case 'TESLA_R':
    case 'TESLA_S':
      return 'Tesla Connector';
    default:
      return undefined;
  }
}

function facilityOf(connector: RoamingConnector) {
  const phases = connector.powerType === 'AC_3_PHASE' ? 3 : 1;
  const watts = connector.maxElectricPower ?? connector.maxVoltage * connector.maxAmperage * phases;
  return {
    // OICP has no two-phase AC: it charges as one phase would.
    PowerType: connector.powerType === 'AC_2_PHASE' ? 'AC_1_PHASE' : connector.powerType,
    Power: Math.min(999, Math.round(watts / 1000)),
    ...(connector.maxVoltage <= 999 ? { Voltage: Math.round(connector.maxVoltage) } : {}),
    ...(connector.maxAmperage <= 99 ? { Amperage: Math.round(connector.maxAmperage) } : {}),
  };
}

/** `Marktplatz 1` → street and house number (OICP wants them apart). */
function streetAndNumber(address: string): { Street: string; HouseNum: string } {
  const match = /^(.*\S)\s+(\d[\w/-]{0,9})$/.exec(address.trim());
  return match ? { Street: match[1], HouseNum: match[2] } : { Street: address.trim(), HouseNum: '' };
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function coordinate(value: number): string {
  return value.toFixed(6);
}

/** One EVSE of a public site as an OICP EvseDataRecord (CPO 2.3, eRoamingPushEvseData). */
export function evseDataRecord(
  connection: OicpConnection,
  location: RoamingLocation,
  evse: RoamingEvse,
): Record<string, unknown> {
  const plugs = [...new Set(evse.connectors.map(plugOf).filter((plug): plug is string => Boolean(plug)))];
  return {
    EvseID: oicpEvseId(connection.operatorId, evse.stationId, evse.connectorId),
    ChargingPoolID: oicpChargingPoolId(connection.operatorId, evse.siteAreaId ?? location.id),
    ChargingStationId: evse.stationId.slice(0, 50),
    ChargingStationNames: [{ lang: 'en', value: location.name.slice(0, 150) }],
    Address: {
      Country: location.country,
      City: location.city.slice(0, 50),
      ...streetAndNumber(location.address),
      PostalCode: (location.postalCode ?? '').slice(0, 10),
    },
    GeoCoordinates: {
      Google: { Coordinates: `${coordinate(location.latitude)} ${coordinate(location.longitude)}` },
    },
    Plugs: plugs.length ? plugs : ['Type 2 Outlet'],
    ChargingFacilities: evse.connectors.map(facilityOf),
    RenewableEnergy: false,
    CalibrationLawDataAvailability: 'Not Available',
    AuthenticationModes: ['NFC RFID Classic', 'REMOTE'],
    PaymentOptions: ['Contract'],
    ValueAddedServices: ['None'],
    Accessibility: 'Free publicly accessible',
    HotlinePhoneNumber: connection.hotlinePhoneNumber,
    IsOpen24Hours: location.openingHours.twentyfourseven,
    ...(location.openingHours.twentyfourseven
      ? {}
      : {
          OpeningTimes: location.openingHours.regularHours.map((hours) => ({
            Period: [{ begin: hours.periodBegin, end: hours.periodEnd }],
            on: WEEKDAYS[hours.weekday - 1],
          })),
        }),
    IsHubjectCompatible: true,
    DynamicInfoAvailable: 'true',
    lastUpdate: evse.lastUpdated.toISOString(),
  };
}
