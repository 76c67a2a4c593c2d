/** Where OCPP-J stations connect: `/ocpp/{tenant}/{chargingStationId}`. */
export const OCPP_PATH_PREFIX = '/ocpp/';

export interface StationAddress {
  tenantId: string;
  stationId: string;
  /** `?token=`: a registration token letting a new station in (libs/organizations). */
  registrationToken?: string;
}

/** True for every path this edge owns; other upgrades (e.g. graphql-ws on /graphql) are left alone. */
export function isOcppPath(url: string | undefined): boolean {
  return (url ?? '').startsWith(OCPP_PATH_PREFIX);
}

/** The tenant and station of an upgrade URL, or null when the path has another shape. */
export function parseStationAddress(url: string | undefined): StationAddress | null {
  const { pathname, searchParams } = new URL(url ?? '/', 'http://localhost');
  const parts = pathname.split('/');
  // ['', 'ocpp', tenant, station]
  if (parts.length !== 4 || parts[1] !== 'ocpp' || !parts[2] || !parts[3]) return null;
  try {
    const address = { tenantId: decodeURIComponent(parts[2]), stationId: decodeURIComponent(parts[3]) };
    const registrationToken = searchParams.get('token');
    return registrationToken === null ? address : { ...address, registrationToken };
  } catch {
    return null;
  }
}
