import { InterfaceRole, OcpiEndpoint, RoamingPartner } from '../../partners/roaming-partner';
import { isOcpi22 } from '../protocol/ocpi-version';

/**
 * The partner's endpoint of `identifier` in the interface `role` (2.2.1); 2.1.1 lists each module
 * once, without a role. Undefined when the partner does not implement it.
 */
export function partnerEndpoint(
  partner: RoamingPartner,
  identifier: string,
  role: InterfaceRole,
): OcpiEndpoint | undefined {
  const endpoints = partner.ocpi.endpoints.filter((endpoint) => endpoint.identifier === identifier);
  // The role of a credentials endpoint means nothing (version_information_endpoint: Endpoint class).
  if (!isOcpi22(partner.ocpi.version ?? '2.2.1') || identifier === 'credentials') return endpoints[0];
  return endpoints.find((endpoint) => endpoint.role === role) ?? endpoints.find((endpoint) => !endpoint.role);
}

/** `base` with `segments` appended, each URL-encoded, whether or not `base` ends with a slash. */
export function joinUrl(base: string, ...segments: string[]): string {
  if (!segments.length) return base;
  return `${base.replace(/\/+$/, '')}/${segments.map((segment) => encodeURIComponent(segment)).join('/')}`;
}
