import { parseOcpiDateTime } from '../protocol/ocpi-datetime';
import { PartnerObject } from './partner-object.repository';
import {
  PartnerCdr,
  PartnerConnector,
  PartnerEvse,
  PartnerLocation,
  PartnerSession,
} from './models/partner-objects.model';

type Json = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const number = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);
const date = (value: unknown): Date | undefined => parseOcpiDateTime(value);

/** A 2.2.1 Price object or a 2.1.1 number. */
function cost(value: unknown): { exclVat?: number; inclVat?: number } {
  if (typeof value === 'number') return { exclVat: value };
  const price = (value ?? {}) as Json;
  return { exclVat: number(price.excl_vat), inclVat: number(price.incl_vat) };
}

function connectorOf(json: Json): PartnerConnector {
  const power = number(json.max_electric_power);
  const tariffs = Array.isArray(json.tariff_ids)
    ? json.tariff_ids.map(String)
    : text(json.tariff_id)
      ? [String(json.tariff_id)]
      : [];
  return {
    id: String(json.id),
    standard: String(json.standard),
    powerType: String(json.power_type),
    ...(power !== undefined ? { maxElectricPower: power } : {}),
    tariffIds: tariffs,
  };
}

function evseOf(json: Json): PartnerEvse {
  return {
    uid: String(json.uid),
    evseId: text(json.evse_id),
    status: String(json.status),
    connectors: ((json.connectors as Json[] | undefined) ?? []).map(connectorOf),
  };
}

export function presentLocation(object: PartnerObject): PartnerLocation {
  const data = object.data;
  const coordinates = (data.coordinates ?? {}) as Json;
  return {
    id: object.id,
    partnerId: object.partnerId,
    countryCode: object.countryCode,
    partyId: object.partyId,
    locationId: String(data.id),
    name: text(data.name),
    address: text(data.address) ?? '',
    city: text(data.city) ?? '',
    country: text(data.country) ?? '',
    latitude: Number(coordinates.latitude ?? 0),
    longitude: Number(coordinates.longitude ?? 0),
    evses: ((data.evses as Json[] | undefined) ?? []).map(evseOf),
    lastUpdated: object.lastUpdated,
  };
}

export function presentSession(object: PartnerObject): PartnerSession {
  const data = object.data;
  const total = cost(data.total_cost);
  const location = data.location as Json | undefined;
  return {
    id: object.id,
    partnerId: object.partnerId,
    sessionId: String(data.id),
    userId: object.userId,
    status: String(data.status),
    kwh: Number(data.kwh ?? 0),
    startedAt: date(data.start_date_time ?? data.start_datetime),
    endedAt: date(data.end_date_time ?? data.end_datetime),
    locationId: text(data.location_id) ?? text(location?.id),
    evseUid: text(data.evse_uid) ?? text(((location?.evses as Json[] | undefined) ?? [])[0]?.uid),
    currency: text(data.currency) ?? '',
    ...(total.exclVat !== undefined ? { totalCost: total.exclVat } : {}),
    ...(total.inclVat !== undefined ? { totalCostInclVat: total.inclVat } : {}),
    lastUpdated: object.lastUpdated,
  };
}

export function presentCdr(object: PartnerObject): PartnerCdr {
  const data = object.data;
  const total = cost(data.total_cost);
  return {
    id: object.id,
    partnerId: object.partnerId,
    cdrId: String(data.id),
    sessionId: text(data.session_id),
    userId: object.userId,
    startedAt: date(data.start_date_time),
    endedAt: date(data.end_date_time ?? data.stop_date_time),
    totalEnergy: Number(data.total_energy ?? 0),
    totalTime: Number(data.total_time ?? 0),
    currency: text(data.currency) ?? '',
    totalCost: total.exclVat ?? 0,
    ...(total.inclVat !== undefined ? { totalCostInclVat: total.inclVat } : {}),
    lastUpdated: object.lastUpdated,
  };
}
