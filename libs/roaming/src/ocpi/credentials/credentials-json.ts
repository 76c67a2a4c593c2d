import { OcpiIdentity } from '../../identity/models/roaming-identity.model';
import { PartyIdentity, PartyRole, RoamingPartner, partnerActsAs } from '../../partners/roaming-partner';
import { isOcpi22 } from '../protocol/ocpi-version';
import { Credentials211Json, Credentials221Json } from '../schemas/credentials.schema';

/** The roles we take towards `partner`: CPO for its eMSP side, eMSP for its CPO side. */
export function ourRolesTowards(partner: RoamingPartner): ('CPO' | 'EMSP')[] {
  const roles: ('CPO' | 'EMSP')[] = [];
  if (partnerActsAs(partner, 'EMSP')) roles.push('CPO');
  if (partnerActsAs(partner, 'CPO')) roles.push('EMSP');
  return roles;
}

/** Our credentials object in `version`: the token the partner is to use, our versions URL, who we are. */
export function credentialsJson(
  version: string,
  token: string,
  versionsUrl: string,
  identity: OcpiIdentity,
  roles: ('CPO' | 'EMSP')[],
): Credentials221Json | Credentials211Json {
  const businessDetails = {
    name: identity.businessName,
    ...(identity.website ? { website: identity.website } : {}),
  };
  if (!isOcpi22(version)) {
    return {
      token,
      url: versionsUrl,
      business_details: businessDetails,
      party_id: identity.partyId,
      country_code: identity.countryCode,
    };
  }
  return {
    token,
    url: versionsUrl,
    roles: roles.map((role) => ({
      role,
      business_details: businessDetails,
      party_id: identity.partyId,
      country_code: identity.countryCode,
    })),
  };
}

/** The parties a partner's credentials name; 2.1.1 has one, whose role is the one the partner was created with. */
export function partiesOfCredentials(
  version: string,
  json: Credentials221Json | Credentials211Json,
  role: PartyRole,
): PartyIdentity[] {
  const party = (
    entry: { business_details: { name: string; website?: string }; party_id: string; country_code: string },
    as: PartyRole,
  ) => ({
    role: as,
    countryCode: entry.country_code.toUpperCase(),
    partyId: entry.party_id.toUpperCase(),
    businessName: entry.business_details.name,
    ...(entry.business_details.website ? { website: entry.business_details.website } : {}),
  });
  if (!isOcpi22(version)) return [party(json as Credentials211Json, role)];
  return (json as Credentials221Json).roles.map((entry) => party(entry, entry.role as PartyRole));
}
