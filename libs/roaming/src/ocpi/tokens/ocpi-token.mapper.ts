import { RoamingToken, RoamingTokenType, WhitelistType } from '../../tokens/roaming-token';
import { ocpiDateTime } from '../protocol/ocpi-response';
import { parseOcpiDateTime } from '../protocol/ocpi-datetime';
import { OcpiVersion, isOcpi22 } from '../protocol/ocpi-version';
import { Party } from '../protocol/routing-headers';
import { Token211Json, Token221Json } from '../schemas/token.schema';

/** A partner's Token JSON (validated) as we keep it; 2.1.1 tokens belong to `party` (the URL's). */
export function tokenFromJson(
  json: Token221Json | Token211Json,
  version: OcpiVersion,
  partnerId: string,
  party: Party,
): RoamingToken {
  const common = {
    partnerId,
    uid: json.uid,
    type: json.type as RoamingTokenType,
    issuer: json.issuer,
    valid: json.valid,
    whitelist: json.whitelist as WhitelistType,
    ...(json.visual_number ? { visualNumber: json.visual_number } : {}),
    ...(json.language ? { language: json.language } : {}),
    lastUpdated: parseOcpiDateTime(json.last_updated) ?? new Date(),
  };
  if (!isOcpi22(version)) {
    const v211 = json as Token211Json;
    return { ...common, countryCode: party.countryCode, partyId: party.partyId, contractId: v211.auth_id };
  }
  const v221 = json as Token221Json;
  return {
    ...common,
    countryCode: v221.country_code,
    partyId: v221.party_id,
    contractId: v221.contract_id,
    ...(v221.group_id ? { groupId: v221.group_id } : {}),
  };
}

/** Our view of a token as OCPI Token JSON of `version` (GET answers, our eMSP side's tokens). */
export function tokenJson(token: RoamingToken, version: OcpiVersion): Token221Json | Token211Json {
  const common = {
    uid: token.uid,
    issuer: token.issuer,
    valid: token.valid,
    whitelist: token.whitelist,
    ...(token.visualNumber ? { visual_number: token.visualNumber } : {}),
    ...(token.language ? { language: token.language } : {}),
    last_updated: ocpiDateTime(token.lastUpdated),
  };
  if (!isOcpi22(version)) {
    return { ...common, type: token.type === 'RFID' ? 'RFID' : 'OTHER', auth_id: token.contractId };
  }
  return {
    country_code: token.countryCode,
    party_id: token.partyId,
    ...common,
    type: token.type,
    contract_id: token.contractId,
    ...(token.groupId ? { group_id: token.groupId } : {}),
  };
}
