import { TenantId } from '@csms/common';

/** Where a station stands: its site area and, derived from it, its site. */
export interface StationPlacement {
  siteAreaId: string;
  siteId: string;
}

/** Implemented by the organizations module: the site a site area belongs to. */
export abstract class SiteAreaDirectory {
  /** The placement in `siteAreaId`, or null when no such site area exists in the tenant. */
  abstract placementOf(tenantId: TenantId, siteAreaId: string): Promise<StationPlacement | null>;
}

/** What a valid registration token lets a new station do: connect, and stand where the token says. */
export interface TokenAdmission {
  placement?: StationPlacement;
}

/** Implemented by the organizations module: checks registration tokens presented by new stations. */
export abstract class RegistrationTokenVerifier {
  /** The admission a valid token gives, or null when the token is unknown, expired or revoked. */
  abstract verify(tenantId: TenantId, token: string): Promise<TokenAdmission | null>;
}
