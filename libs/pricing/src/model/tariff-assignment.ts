import { ConnectorType } from '@csms/stations';

/** Where a tariff applies, most specific last. */
export enum TariffLevel {
  TENANT = 'TENANT',
  COMPANY = 'COMPANY',
  SITE = 'SITE',
  SITE_AREA = 'SITE_AREA',
  CHARGING_STATION = 'CHARGING_STATION',
  CONNECTOR = 'CONNECTOR',
}

/** Specificity of each level: a higher one wins. */
export const LEVEL_RANK: Record<TariffLevel, number> = {
  TENANT: 1,
  COMPANY: 2,
  SITE: 3,
  SITE_AREA: 4,
  CHARGING_STATION: 5,
  CONNECTOR: 6,
};

/**
 * A tariff attached to a level of the organization (the tenant; a company, site, site area or
 * station by `entityId`; a connector by station `entityId` and `connectorId`), optionally narrowed
 * to a user group, a connector type or power range, and a validity period.
 */
export interface TariffAssignment {
  id: string;
  tenantId?: string;
  tariffId: string;
  level: TariffLevel;
  entityId?: string;
  connectorId?: number;
  userGroupId?: string;
  connectorType?: ConnectorType;
  /** The connector's maximum power must be at least this, W. */
  minPowerWatts?: number;
  /** ... and at most this, W. */
  maxPowerWatts?: number;
  validFrom?: Date;
  validTo?: Date;
  createdAt: Date;
}

/** A named group of users and badges, to price them apart (e.g. employees, members). */
export interface UserGroup {
  id: string;
  tenantId?: string;
  name: string;
  userIds: string[];
  tagIds: string[];
  createdAt?: Date;
}
