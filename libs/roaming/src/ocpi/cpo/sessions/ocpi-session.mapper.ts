import { OcpiIdentity } from '../../../identity/models/roaming-identity.model';
import { RoamingChargingPeriod, RoamingPrice, RoamingSession } from '../../../sessions/roaming-session';
import { ocpiDateTime } from '../../protocol/ocpi-response';
import { OcpiVersion, isOcpi22 } from '../../protocol/ocpi-version';
import { ocpiLocation } from '../locations/ocpi-location.mapper';

type Json = Record<string, unknown>;

/** CdrDimensionTypes 2.1.1 knows (no MIN/MAX_POWER); 2.2.1 knows them all. */
const DIMENSIONS_211 = new Set(['ENERGY', 'FLAT', 'MAX_CURRENT', 'MIN_CURRENT', 'PARKING_TIME', 'TIME']);

/** A ChargingPeriod of `version`: 2.1.1 has no tariff_id and fewer dimension types. */
export function ocpiChargingPeriod(
  period: { startDateTime: Date | string; dimensions: { type: string; volume: number }[]; tariffId?: string },
  version: OcpiVersion,
): Json {
  const current = isOcpi22(version);
  return {
    start_date_time: ocpiDateTime(new Date(period.startDateTime)),
    dimensions: current
      ? period.dimensions
      : period.dimensions.filter((dimension) => DIMENSIONS_211.has(dimension.type)),
    ...(current && period.tariffId ? { tariff_id: period.tariffId } : {}),
  };
}

export function ocpiChargingPeriods(periods: RoamingChargingPeriod[], version: OcpiVersion): Json[] {
  return periods.map((period) => ocpiChargingPeriod(period, version));
}

/** 2.2.1 Price; 2.1.1 has a number excluding VAT. */
export function ocpiPrice(price: RoamingPrice, version: OcpiVersion): unknown {
  if (!isOcpi22(version)) return price.exclVat;
  return { excl_vat: price.exclVat, ...(price.inclVat !== undefined ? { incl_vat: price.inclVat } : {}) };
}

/** 2.1.1 knows AUTH_REQUEST and WHITELIST only: a command is an authorization by the eMSP. */
export function ocpiAuthMethod(method: string, version: OcpiVersion): string {
  return !isOcpi22(version) && method === 'COMMAND' ? 'AUTH_REQUEST' : method;
}

export function ocpiCdrToken(session: Pick<RoamingSession, 'token'>): Json {
  return {
    country_code: session.token.countryCode,
    party_id: session.token.partyId,
    uid: session.token.uid,
    type: session.token.type,
    contract_id: session.token.contractId,
  };
}

/** Our session as an OCPI Session of `version`. */
export function ocpiSession(session: RoamingSession, identity: OcpiIdentity, version: OcpiVersion): Json {
  const common = {
    id: session.id,
    kwh: session.kwh,
    auth_method: ocpiAuthMethod(session.authMethod, version),
    currency: session.currency,
    ...(session.chargingPeriods.length
      ? { charging_periods: ocpiChargingPeriods(session.chargingPeriods, version) }
      : {}),
    ...(session.totalCost ? { total_cost: ocpiPrice(session.totalCost, version) } : {}),
    status: session.status,
    last_updated: ocpiDateTime(new Date(session.lastUpdated)),
  };
  if (!isOcpi22(version)) {
    return {
      ...common,
      start_datetime: ocpiDateTime(new Date(session.startedAt)),
      ...(session.endedAt ? { end_datetime: ocpiDateTime(new Date(session.endedAt)) } : {}),
      auth_id: session.token.contractId,
      location: ocpiLocation(sessionLocation(session), identity, version),
    };
  }
  return {
    country_code: identity.countryCode,
    party_id: identity.partyId,
    ...common,
    start_date_time: ocpiDateTime(new Date(session.startedAt)),
    ...(session.endedAt ? { end_date_time: ocpiDateTime(new Date(session.endedAt)) } : {}),
    cdr_token: ocpiCdrToken(session),
    ...(session.authorizationReference ? { authorization_reference: session.authorizationReference } : {}),
    location_id: session.location.id,
    evse_uid: session.evseUid,
    connector_id: session.connectorId,
  };
}

/** The location a session was at (as stored, or as an outbox payload carries it), its dates Dates again. */
export function sessionLocation({ location }: Pick<RoamingSession, 'location'>): RoamingSession['location'] {
  return {
    ...location,
    lastUpdated: new Date(location.lastUpdated),
    evses: location.evses.map((evse) => ({
      ...evse,
      lastUpdated: new Date(evse.lastUpdated),
      connectors: evse.connectors.map((connector) => ({
        ...connector,
        lastUpdated: new Date(connector.lastUpdated),
      })),
    })),
  };
}
