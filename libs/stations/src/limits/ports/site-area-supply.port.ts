import { TenantId } from '@csms/common';

/** The electrical supply a site area declares (either may be unknown). */
export interface SupplyOfArea {
  voltage?: number;
  numberOfPhases?: number;
}

/** Implemented by the organizations module: what a site area's supply is, to turn amperes into watts. */
export abstract class SiteAreaSupply {
  /** Null when no such site area exists in the tenant. */
  abstract supplyOf(tenantId: TenantId, siteAreaId: string): Promise<SupplyOfArea | null>;
}
