import { IncomingHttpHeaders } from 'node:http';
import { OcpiIdentity } from '../../identity/models/roaming-identity.model';
import { RoamingPartner } from '../../partners/roaming-partner';

export const OCPI_TO_COUNTRY_CODE = 'OCPI-to-country-code';
export const OCPI_TO_PARTY_ID = 'OCPI-to-party-id';
export const OCPI_FROM_COUNTRY_CODE = 'OCPI-from-country-code';
export const OCPI_FROM_PARTY_ID = 'OCPI-from-party-id';

export interface Party {
  countryCode: string;
  partyId: string;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** The 'from' party of a request, when it names one. */
export function requestFromParty(headers: IncomingHttpHeaders): Party | undefined {
  const countryCode = header(headers, OCPI_FROM_COUNTRY_CODE);
  const partyId = header(headers, OCPI_FROM_PARTY_ID);
  return countryCode && partyId ? { countryCode, partyId } : undefined;
}

/** The routing headers of a request from `from` to `to` (transport_and_format: Message Routing). */
export function routingRequestHeaders(from: Party, to: Party): Record<string, string> {
  return {
    [OCPI_FROM_COUNTRY_CODE]: from.countryCode,
    [OCPI_FROM_PARTY_ID]: from.partyId,
    [OCPI_TO_COUNTRY_CODE]: to.countryCode,
    [OCPI_TO_PARTY_ID]: to.partyId,
  };
}

/**
 * The routing headers of our answer: back to whoever the request came from (its 'from' headers, else
 * the partner's first party), from whom it was addressed to (its 'to' headers, else us). Through a hub
 * this answers the party behind it, not the hub.
 */
export function routingResponseHeaders(
  headers: IncomingHttpHeaders,
  partner: RoamingPartner,
  identity: OcpiIdentity | null,
): Record<string, string> {
  const requester = requestFromParty(headers) ?? partner.roles[0];
  const toCountry = header(headers, OCPI_TO_COUNTRY_CODE) ?? identity?.countryCode;
  const toParty = header(headers, OCPI_TO_PARTY_ID) ?? identity?.partyId;
  if (!requester || !toCountry || !toParty) return {};
  return routingRequestHeaders({ countryCode: toCountry, partyId: toParty }, requester);
}
