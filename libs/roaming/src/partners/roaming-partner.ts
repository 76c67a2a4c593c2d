import { TenantId } from '@csms/common';

/** The roaming protocols a partner is connected with: OCPI peers, and Hubject over OICP. */
export type RoamingProtocol = 'OCPI' | 'OICP';

/** Market roles, as OCPI 2.2.1 names them (types.asciidoc Role). */
export type PartyRole = 'CPO' | 'EMSP' | 'HUB' | 'NAP' | 'NSP' | 'OTHER' | 'SCSP';
export const PARTY_ROLES: readonly PartyRole[] = ['CPO', 'EMSP', 'HUB', 'NAP', 'NSP', 'OTHER', 'SCSP'];

/** One party a platform speaks for: its role, ISO-3166 alpha-2 country code and (ISO 15118) party id. */
export interface PartyIdentity {
  role: PartyRole;
  countryCode: string;
  partyId: string;
  businessName?: string;
  website?: string;
}

/**
 * PENDING: a token A of ours was handed out and the partner has not registered yet. REGISTERED:
 * credentials were exchanged both ways. UNREGISTERED: either side ended it. FAILED: our registration
 * with them did not complete (see lastError).
 */
export type PartnerStatus = 'PENDING' | 'REGISTERED' | 'UNREGISTERED' | 'FAILED';

/**
 * How the credentials token goes in `Authorization: Token …`: AUTO is Base64 for 2.2.x and plain for
 * 2.1.1, as the specs say; BASE64 and PLAIN force one way for partners that do otherwise (the 2.2.1
 * specification itself notes that many do).
 */
export type AuthorizationHeaderEncoding = 'AUTO' | 'BASE64' | 'PLAIN';

export type InterfaceRole = 'SENDER' | 'RECEIVER';

/** One module endpoint of the partner for the negotiated version (2.1.1 has no interface role). */
export interface OcpiEndpoint {
  identifier: string;
  role?: InterfaceRole;
  url: string;
}

/** How we reach an OCPI partner and how it reaches us. */
export interface OcpiConnection {
  /** The version both sides use, once negotiated. */
  version?: string;
  /** The partner's versions endpoint. */
  versionsUrl?: string;
  endpoints: OcpiEndpoint[];
  authorizationHeader: AuthorizationHeaderEncoding;
  /** The partner's credentials token for calling it, encrypted (SecretCipher); never leaves the module. */
  outgoingToken?: string;
}

export interface RoamingPartner {
  id: string;
  tenantId: TenantId;
  protocol: RoamingProtocol;
  name: string;
  /** What the partner is to us: an EMSP (we are its CPO) or a CPO (we are its eMSP). */
  role: 'CPO' | 'EMSP';
  status: PartnerStatus;
  /** The parties the partner speaks for (from the credentials exchange; editable). */
  roles: PartyIdentity[];
  ocpi: OcpiConnection;
  registeredAt?: Date;
  lastError?: string;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Whether the partner acts in `role` (its own roles, else the role it was created with). A hub acts in
 * both: it routes to and from the parties behind it.
 */
export function partnerActsAs(partner: RoamingPartner, role: 'CPO' | 'EMSP'): boolean {
  if (!partner.roles.length) return partner.role === role;
  return partner.roles.some((party) => party.role === role || party.role === 'HUB');
}

/** Whether `countryCode`/`partyId` (case-insensitive, as OCPI CiStrings are) is one of the partner's parties. */
export function partnerOwnsParty(partner: RoamingPartner, countryCode: string, partyId: string): boolean {
  return partner.roles.some(
    (party) =>
      party.countryCode.toUpperCase() === countryCode.toUpperCase() &&
      party.partyId.toUpperCase() === partyId.toUpperCase(),
  );
}
