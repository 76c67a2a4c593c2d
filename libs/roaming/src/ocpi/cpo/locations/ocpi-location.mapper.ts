import { OcpiIdentity } from '../../../identity/models/roaming-identity.model';
import { emi3EvseId } from '../../../locations/evse-ids';
import { RoamingConnector, RoamingEvse, RoamingLocation } from '../../../locations/roaming-location';
import { ocpiDateTime } from '../../protocol/ocpi-response';
import { OcpiVersion, isOcpi22 } from '../../protocol/ocpi-version';

type Json = Record<string, unknown>;

/** 2.1.1 knows fewer connector standards than 2.2.1; the closest one stands in. */
const STANDARD_211: Record<string, string> = {
  GBT_AC: 'IEC_62196_T2',
  GBT_DC: 'IEC_62196_T2_COMBO',
  CHAOJI: 'CHADEMO',
};

function truncate(value: string, max: number): string {
  return value.length > max ? value.slice(0, max) : value;
}

/** OCPI GeoLocation: decimal degrees as strings with 6 decimals (2.1.1's exact and within 2.2.1's 5–7). */
function coordinates(latitude: number, longitude: number): Json {
  return { latitude: latitude.toFixed(6), longitude: longitude.toFixed(6) };
}

export function ocpiConnector(connector: RoamingConnector, version: OcpiVersion): Json {
  if (!isOcpi22(version)) {
    return {
      id: connector.id,
      standard: STANDARD_211[connector.standard] ?? connector.standard,
      format: connector.format,
      power_type: connector.powerType === 'AC_2_PHASE' ? 'AC_1_PHASE' : connector.powerType,
      voltage: connector.maxVoltage,
      amperage: connector.maxAmperage,
      ...(connector.tariffIds[0] ? { tariff_id: connector.tariffIds[0] } : {}),
      last_updated: ocpiDateTime(connector.lastUpdated),
    };
  }
  return {
    id: connector.id,
    standard: connector.standard,
    format: connector.format,
    power_type: connector.powerType,
    max_voltage: connector.maxVoltage,
    max_amperage: connector.maxAmperage,
    ...(connector.maxElectricPower ? { max_electric_power: connector.maxElectricPower } : {}),
    ...(connector.tariffIds.length ? { tariff_ids: connector.tariffIds } : {}),
    last_updated: ocpiDateTime(connector.lastUpdated),
  };
}

export function ocpiEvse(evse: RoamingEvse, identity: OcpiIdentity, version: OcpiVersion): Json {
  return {
    uid: evse.uid,
    evse_id: emi3EvseId(identity.countryCode, identity.partyId, evse.stationId, evse.connectorId),
    status: evse.status,
    capabilities: evse.capabilities,
    connectors: evse.connectors.map((connector) => ocpiConnector(connector, version)),
    last_updated: ocpiDateTime(evse.lastUpdated),
  };
}

function openingTimes(location: RoamingLocation): Json {
  const hours = location.openingHours;
  return {
    twentyfourseven: hours.twentyfourseven,
    ...(hours.twentyfourseven
      ? {}
      : {
          regular_hours: hours.regularHours.map((period) => ({
            weekday: period.weekday,
            period_begin: period.periodBegin,
            period_end: period.periodEnd,
          })),
        }),
  };
}

/** Our location as an OCPI Location of `version`, owned by the tenant's party. */
export function ocpiLocation(location: RoamingLocation, identity: OcpiIdentity, version: OcpiVersion): Json {
  const common = {
    id: location.id,
    name: truncate(location.name, 255),
    address: truncate(location.address, 45),
    city: truncate(location.city, 45),
    ...(location.postalCode ? { postal_code: truncate(location.postalCode, 10) } : {}),
    country: location.country,
    coordinates: coordinates(location.latitude, location.longitude),
    evses: location.evses.map((evse) => ocpiEvse(evse, identity, version)),
    operator: {
      name: truncate(identity.businessName, 100),
      ...(identity.website ? { website: identity.website } : {}),
    },
    time_zone: location.timeZone,
    opening_times: openingTimes(location),
    last_updated: ocpiDateTime(location.lastUpdated),
  };
  if (!isOcpi22(version)) return { ...common, type: 'UNKNOWN' };
  return {
    country_code: identity.countryCode,
    party_id: identity.partyId,
    ...common,
    publish: true,
  };
}
