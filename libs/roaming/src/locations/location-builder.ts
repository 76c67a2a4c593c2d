import { Site } from '@csms/organizations';
import { ChargingStation, Connector, ConnectorType, CurrentType } from '@csms/stations';
import { alpha3Country } from '../common/iso-countries';
import { evseStatusOf } from './evse-status';
import { evseUid } from './evse-ids';
import {
  RoamingConnector,
  RoamingEvse,
  RoamingLocation,
  RoamingOpeningHours,
  RoamingPowerType,
} from './roaming-location';

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** OCPI ConnectorType of our connector types (DC GB/T and AC GB/T differ there). */
function standardOf(type: ConnectorType | undefined, dc: boolean): string {
  switch (type) {
    case ConnectorType.Type1:
      return 'IEC_62196_T1';
    case ConnectorType.Type3C:
      return 'IEC_62196_T3C';
    case ConnectorType.CCS1:
      return 'IEC_62196_T1_COMBO';
    case ConnectorType.CCS:
      return 'IEC_62196_T2_COMBO';
    case ConnectorType.CHAdeMO:
      return 'CHADEMO';
    case ConnectorType.GBT:
      return dc ? 'GBT_DC' : 'GBT_AC';
    case ConnectorType.Tesla:
      return 'TESLA_S';
    case ConnectorType.Domestic:
      return 'DOMESTIC_F';
    default:
      return dc ? 'IEC_62196_T2_COMBO' : 'IEC_62196_T2';
  }
}

function isDc(connector: Connector): boolean {
  return (
    connector.currentType === CurrentType.DC ||
    [ConnectorType.CCS, ConnectorType.CCS1, ConnectorType.CHAdeMO].includes(connector.type as ConnectorType)
  );
}

function connectorOf(
  station: ChargingStation,
  connector: Connector,
  previous: RoamingConnector | undefined,
  tariffIds: string[] | undefined,
): RoamingConnector {
  const dc = isDc(connector);
  const phases = connector.numberOfPhases ?? 3;
  const powerType: RoamingPowerType = dc
    ? 'DC'
    : phases === 1
      ? 'AC_1_PHASE'
      : phases === 2
        ? 'AC_2_PHASE'
        : 'AC_3_PHASE';
  const maxVoltage = Math.round(station.voltage ?? (dc ? 400 : 230));
  const power = connector.maxPowerWatts ?? station.maximumPowerWatts;
  const lines = dc ? 1 : phases;
  const maxAmperage = Math.round(
    connector.amperage ?? (power ? power / (maxVoltage * lines) : dc ? 125 : 32),
  );
  const built: Omit<RoamingConnector, 'lastUpdated'> = {
    id: '1',
    standard: standardOf(connector.type, dc),
    format: dc || connector.type === ConnectorType.Type1 ? 'CABLE' : 'SOCKET',
    powerType,
    maxVoltage,
    maxAmperage,
    ...(power ? { maxElectricPower: Math.round(power) } : {}),
    tariffIds: tariffIds ?? previous?.tariffIds ?? [],
  };
  return sameAs(previous, built) ? previous! : { ...built, lastUpdated: new Date() };
}

function capabilitiesOf(station: ChargingStation): string[] {
  const capabilities = ['RFID_READER', 'REMOTE_START_STOP_CAPABLE', 'UNLOCK_CAPABLE', 'RESERVABLE'];
  if (station.ocppProtocol === 'json') capabilities.push('CHARGING_PROFILE_CAPABLE');
  return capabilities;
}

function evsesOf(
  station: ChargingStation,
  previous: Map<string, RoamingEvse>,
  tariffIds: Map<string, string[]> | undefined,
): RoamingEvse[] {
  return station.connectors
    .filter((connector) => connector.connectorId > 0)
    .map((connector) => {
      const uid = evseUid(station.id, connector.connectorId);
      const before = previous.get(uid);
      const connectors = [connectorOf(station, connector, before?.connectors[0], tariffIds?.get(uid))];
      const built = {
        uid,
        stationId: station.id,
        ...(station.siteAreaId ? { siteAreaId: station.siteAreaId } : {}),
        connectorId: connector.connectorId,
        status: evseStatusOf(connector.status, station.online),
        capabilities: capabilitiesOf(station),
        connectors,
      };
      const changed = !before || !sameAs(withoutDates(before), withoutDates(built));
      return { ...built, lastUpdated: changed ? new Date() : before.lastUpdated };
    });
}

function openingHoursOf(site: Site): RoamingOpeningHours {
  if (!site.openingHours.length) return { twentyfourseven: true, regularHours: [] };
  return {
    twentyfourseven: false,
    regularHours: site.openingHours.map((period) => ({
      weekday: WEEKDAYS.indexOf(period.weekday) + 1,
      periodBegin: period.opensAt,
      // OCPI has no 24:00: the last minute of the day ends the period.
      periodEnd: period.closesAt === '24:00' ? '23:59' : period.closesAt,
    })),
  };
}

/**
 * The site as a location, from the site and its stations (their live connector states), keeping
 * `previous` last_updated times where nothing changed and EVSEs that are gone as REMOVED (OCPI never
 * deletes them). The tenant's time zone and country (alpha-2, its roaming identity's) stand in for a
 * site without its own.
 */
export function buildLocation(
  site: Site,
  stations: ChargingStation[],
  previous: RoamingLocation | null,
  options: {
    fallbackTimeZone: string;
    fallbackCountry: string;
    /** The tariff ids of each EVSE (by uid) when they were resolved again; otherwise the previous ones. */
    tariffIds?: Map<string, string[]>;
  },
): RoamingLocation {
  const before = new Map((previous?.evses ?? []).map((evse) => [evse.uid, evse]));
  const evses = stations
    .slice()
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((station) => evsesOf(station, before, options.tariffIds));
  const present = new Set(evses.map((evse) => evse.uid));
  for (const gone of previous?.evses ?? []) {
    if (present.has(gone.uid)) continue;
    evses.push(gone.status === 'REMOVED' ? gone : { ...gone, status: 'REMOVED', lastUpdated: new Date() });
  }
  const country = alpha3Country(site.address?.country) ?? alpha3Country(options.fallbackCountry) ?? '';
  const problems = [
    ...(site.coordinates ? [] : ['no coordinates']),
    ...(site.address?.city ? [] : ['no city in the address']),
    ...(country ? [] : ['no ISO 3166 country code in the address']),
  ];
  const built = {
    id: site.id,
    published: site.public && problems.length === 0,
    problems: site.public ? problems : [],
    name: site.name,
    address: site.address?.street ?? site.address?.city ?? '',
    city: site.address?.city ?? '',
    ...(site.address?.postalCode ? { postalCode: site.address.postalCode } : {}),
    country,
    latitude: site.coordinates?.latitude ?? 0,
    longitude: site.coordinates?.longitude ?? 0,
    timeZone: site.timeZone ?? options.fallbackTimeZone,
    openingHours: openingHoursOf(site),
    evses,
  };
  const changed = !previous || !sameAs(withoutDates(previous), withoutDates(built));
  return { ...built, lastUpdated: changed ? new Date() : previous.lastUpdated };
}

/** Whether two values are equal as JSON, whatever the order of their keys. */
export function sameAs<T>(a: T | undefined, b: T): boolean {
  return a !== undefined && canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, field: unknown) =>
    field && typeof field === 'object' && !Array.isArray(field) && !(field instanceof Date)
      ? Object.fromEntries(Object.entries(field).sort(([a], [b]) => a.localeCompare(b)))
      : field,
  );
}

/** `value` without its last_updated times, to compare content only. */
function withoutDates<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value), (key, field: unknown) =>
    key === 'lastUpdated' ? undefined : field,
  );
}
