import { TenantId } from '@csms/common';

/** Where a site area stands: what tariff assignments and restrictions are matched against. */
export interface TariffLocation {
  companyId?: string;
  siteId: string;
  /** The area and its enclosing areas, nearest first. */
  siteAreaIds: string[];
  /** The site's IANA time zone, when set. */
  timeZone?: string;
}

export type OrganizationLevel = 'COMPANY' | 'SITE' | 'SITE_AREA';

/** Implemented by the organizations module. */
export abstract class TariffLocationDirectory {
  /** Null when no such site area exists in the tenant. */
  abstract locationOf(tenantId: TenantId, siteAreaId: string): Promise<TariffLocation | null>;
  /** Whether a company, site or site area exists in the tenant (to refuse assignments to nothing). */
  abstract exists(tenantId: TenantId, level: OrganizationLevel, id: string): Promise<boolean>;
}
