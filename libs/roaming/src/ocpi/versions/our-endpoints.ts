import { InterfaceRole, OcpiEndpoint, RoamingPartner, partnerActsAs } from '../../partners/roaming-partner';
import { OcpiModuleId } from '../auth/ocpi-route.decorator';
import { OcpiVersion, isOcpi22 } from '../protocol/ocpi-version';

interface ModuleEndpoint {
  identifier: OcpiModuleId;
  role: InterfaceRole;
  /** Path below /ocpi/{tenant}/{version}. */
  path: string;
  /** Versions the module exists in. */
  versions: readonly OcpiVersion[];
}

const BOTH: readonly OcpiVersion[] = ['2.2.1', '2.1.1'];
const ONLY_221: readonly OcpiVersion[] = ['2.2.1'];

/** Our interfaces as a CPO: what eMSP partners call. */
const CPO_ENDPOINTS: ModuleEndpoint[] = [
  { identifier: 'locations', role: 'SENDER', path: 'cpo/locations', versions: BOTH },
  { identifier: 'sessions', role: 'SENDER', path: 'cpo/sessions', versions: BOTH },
  { identifier: 'cdrs', role: 'SENDER', path: 'cpo/cdrs', versions: BOTH },
  { identifier: 'tariffs', role: 'SENDER', path: 'cpo/tariffs', versions: BOTH },
  { identifier: 'tokens', role: 'RECEIVER', path: 'cpo/tokens', versions: BOTH },
  { identifier: 'commands', role: 'RECEIVER', path: 'cpo/commands', versions: BOTH },
  { identifier: 'chargingprofiles', role: 'RECEIVER', path: 'cpo/chargingprofiles', versions: ONLY_221 },
];

/** Our interfaces as an eMSP: what CPO partners call. */
const EMSP_ENDPOINTS: ModuleEndpoint[] = [
  { identifier: 'locations', role: 'RECEIVER', path: 'emsp/locations', versions: BOTH },
  { identifier: 'sessions', role: 'RECEIVER', path: 'emsp/sessions', versions: BOTH },
  { identifier: 'cdrs', role: 'RECEIVER', path: 'emsp/cdrs', versions: BOTH },
  { identifier: 'tariffs', role: 'RECEIVER', path: 'emsp/tariffs', versions: BOTH },
  { identifier: 'tokens', role: 'SENDER', path: 'emsp/tokens', versions: BOTH },
  { identifier: 'commands', role: 'SENDER', path: 'emsp/commands', versions: BOTH },
];

const SHARED_ENDPOINTS: ModuleEndpoint[] = [
  // The role of one's own credentials endpoint is irrelevant; the spec advises SENDER.
  { identifier: 'credentials', role: 'SENDER', path: 'credentials', versions: BOTH },
  { identifier: 'hubclientinfo', role: 'RECEIVER', path: 'hubclientinfo', versions: ONLY_221 },
];

/**
 * The endpoints we list for `partner` in `version`: those of the role opposite to each of its roles
 * (2.1.1 version details have no interface role, so each module may appear once: the partner's role
 * decides). URLs end with a slash because the specs build object URLs as `{endpoint_url}{id}`.
 */
export function ourEndpoints(
  versionRoot: string,
  version: OcpiVersion,
  partner: RoamingPartner,
): OcpiEndpoint[] {
  const sides = [
    ...(partnerActsAs(partner, 'EMSP') ? CPO_ENDPOINTS : []),
    ...(partnerActsAs(partner, 'CPO') ? EMSP_ENDPOINTS : []),
  ];
  const chosen = [...SHARED_ENDPOINTS, ...sides].filter((endpoint) => endpoint.versions.includes(version));
  const seen = new Set<string>();
  return chosen
    .filter((endpoint) => {
      const key = isOcpi22(version) ? `${endpoint.identifier}:${endpoint.role}` : endpoint.identifier;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((endpoint) => ({
      identifier: endpoint.identifier,
      ...(isOcpi22(version) ? { role: endpoint.role } : {}),
      url: `${versionRoot}/${endpoint.path}/`,
    }));
}
