import { RoamingPartner } from '../../partners/roaming-partner';
import { OcpiAuthorizationHeader, OcpiRole } from './models/ocpi-enums';
import { OcpiPartner } from './models/ocpi-partner.model';

/** A partner as GraphQL shows it: never its tokens. */
export function presentOcpiPartner(partner: RoamingPartner): OcpiPartner {
  const [first] = partner.roles;
  return {
    id: partner.id,
    name: partner.name,
    role: partner.role as OcpiRole,
    countryCode: first?.countryCode,
    partyId: first?.partyId,
    version: partner.ocpi.version,
    status: partner.status,
    roles: partner.roles.map((party) => ({ ...party })),
    versionsUrl: partner.ocpi.versionsUrl,
    authorizationHeader: partner.ocpi.authorizationHeader as OcpiAuthorizationHeader,
    endpoints: partner.ocpi.endpoints.map((endpoint) => ({ ...endpoint })),
    registeredAt: partner.registeredAt,
    lastError: partner.lastError,
    createdAt: partner.createdAt,
  };
}
