import { OcpiCdrPrice, frozenTariffOf } from '@csms/pricing';
import { RoamingCdr } from '../../../cdrs/roaming-cdr';
import { OcpiIdentity } from '../../../identity/models/roaming-identity.model';
import { emi3EvseId } from '../../../locations/evse-ids';
import { ocpiDateTime } from '../../protocol/ocpi-response';
import { OcpiVersion, isOcpi22 } from '../../protocol/ocpi-version';
import { ocpiConnector, ocpiLocation } from '../locations/ocpi-location.mapper';
import {
  ocpiAuthMethod,
  ocpiCdrToken,
  ocpiChargingPeriod,
  sessionLocation,
} from '../sessions/ocpi-session.mapper';
import { ocpiTariff } from '../tariffs/ocpi-tariff-version';

type Json = Record<string, unknown>;

function optionalPrice(name: string, price: OcpiCdrPrice | undefined): Json {
  return price ? { [name]: price } : {};
}

/** 2.2.1 CdrLocation: the location and the one EVSE and connector the session used. */
function cdrLocation(cdr: RoamingCdr, identity: OcpiIdentity): Json {
  const { session } = cdr;
  const stored = sessionLocation(session);
  const location = ocpiLocation(stored, identity, '2.2.1');
  const evse = stored.evses.find((candidate) => candidate.uid === session.evseUid);
  const connector = evse?.connectors[0] && ocpiConnector(evse.connectors[0], '2.2.1');
  return {
    id: location.id,
    name: location.name,
    address: location.address,
    city: location.city,
    ...(location.postal_code ? { postal_code: location.postal_code } : {}),
    country: location.country,
    coordinates: location.coordinates,
    evse_uid: session.evseUid,
    evse_id: evse
      ? emi3EvseId(identity.countryCode, identity.partyId, evse.stationId, evse.connectorId)
      : session.evseUid,
    connector_id: session.connectorId,
    connector_standard: connector?.standard ?? 'IEC_62196_T2',
    connector_format: connector?.format ?? 'SOCKET',
    connector_power_type: connector?.power_type ?? 'AC_3_PHASE',
  };
}

/**
 * Our CDR as an OCPI CDR of `version`: the session's token, location and times, the frozen tariff, and
 * the periods and totals our pricing engine computed (2.1.1's total_cost excludes VAT, as its prices do).
 */
export function ocpiCdr(cdr: RoamingCdr, identity: OcpiIdentity, version: OcpiVersion): Json {
  const { session, pricing } = cdr;
  const start = pricing.start_date_time || ocpiDateTime(new Date(session.startedAt));
  const end = pricing.end_date_time || ocpiDateTime(new Date(session.endedAt ?? session.lastUpdated));
  const common = {
    id: cdr.id,
    start_date_time: start,
    currency: pricing.currency,
    tariffs: cdr.tariff ? [ocpiTariff(frozenTariffOf(cdr.tariff), identity, version)] : [],
    charging_periods: pricing.charging_periods.map((period) =>
      ocpiChargingPeriod(
        { startDateTime: period.start_date_time, dimensions: period.dimensions, tariffId: period.tariff_id },
        version,
      ),
    ),
    total_energy: pricing.total_energy,
    total_time: pricing.total_time,
    ...(pricing.total_parking_time !== undefined ? { total_parking_time: pricing.total_parking_time } : {}),
    last_updated: ocpiDateTime(new Date(cdr.lastUpdated)),
  };
  if (!isOcpi22(version)) {
    return {
      ...common,
      // 2.1.1 names it stop_date_time; implementations reading the 2.2 name (py_ocpi among them) get it too.
      stop_date_time: end,
      end_date_time: end,
      auth_id: session.token.contractId,
      auth_method: ocpiAuthMethod(session.authMethod, version),
      location: ocpiLocation(sessionLocation(session), identity, version),
      total_cost: pricing.total_cost.excl_vat,
    };
  }
  return {
    country_code: identity.countryCode,
    party_id: identity.partyId,
    ...common,
    end_date_time: end,
    session_id: session.id,
    cdr_token: ocpiCdrToken(session),
    auth_method: session.authMethod,
    ...(session.authorizationReference ? { authorization_reference: session.authorizationReference } : {}),
    cdr_location: cdrLocation(cdr, identity),
    total_cost: pricing.total_cost,
    ...optionalPrice('total_fixed_cost', pricing.total_fixed_cost),
    ...optionalPrice('total_energy_cost', pricing.total_energy_cost),
    ...optionalPrice('total_time_cost', pricing.total_time_cost),
    ...optionalPrice('total_parking_cost', pricing.total_parking_cost),
  };
}
