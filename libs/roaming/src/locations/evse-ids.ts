import { createHash } from 'node:crypto';

const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
const MAX_UID = 36;

/**
 * The EVSE's uid: `<station id>*<connector id>` when that is printable ASCII of at most 36 characters
 * (OCPI CiString(36)), otherwise `H<digest of the station id>*<connector id>`. Stable, so never reused.
 */
export function evseUid(stationId: string, connectorId: number): string {
  const plain = `${stationId}*${connectorId}`;
  if (plain.length <= MAX_UID && PRINTABLE_ASCII.test(stationId)) return plain;
  const digest = createHash('sha256').update(stationId, 'utf8').digest('hex').slice(0, 24);
  return `H${digest}*${connectorId}`;
}

/**
 * The eMI3 EVSE id (ISO 15118 / eMI3 "Part 2"): `<country>*<operator>*E<power outlet id>`, the outlet
 * id made of the station id's letters and digits and the connector id, at most `maxLength` characters
 * (48 in eMI3; OICP allows 30 after the `E`).
 */
export function emi3EvseId(
  countryCode: string,
  partyId: string,
  stationId: string,
  connectorId: number,
  maxLength = 48,
): string {
  const prefix = `${countryCode.toUpperCase()}*${partyId.toUpperCase()}*E`;
  const suffix = `*${connectorId}`;
  const outlet = stationId.toUpperCase().replace(/[^A-Z0-9]/g, '') || 'X';
  return prefix + outlet.slice(0, maxLength - prefix.length - suffix.length) + suffix;
}
