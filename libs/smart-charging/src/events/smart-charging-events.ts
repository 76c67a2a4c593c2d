import { DomainEvent } from '@csms/events';
import { StoredPlan } from '../plans/stored-plan';
import { SiteAreaLoad } from '../models/site-area-load.model';

export const SMART_CHARGING_PLAN_UPDATED = 'SmartChargingPlanUpdated';
export const SMART_CHARGING_STATION_EXCLUDED = 'SmartChargingStationExcluded';
export const SITE_AREA_LOAD_UPDATED = 'SiteAreaLoadUpdated';

/** A site-area tree was planned again (its top area and every area in it). */
export type SmartChargingPlanUpdatedEvent = DomainEvent<
  typeof SMART_CHARGING_PLAN_UPDATED,
  { plan: StoredPlan }
>;

/** A station did not take its profiles after the retries: it is left out until included again or rebooted. */
export type SmartChargingStationExcludedEvent = DomainEvent<
  typeof SMART_CHARGING_STATION_EXCLUDED,
  { chargingStationId: string; siteAreaId: string; reason: string }
>;

/** A new point of a site area's load curve. */
export type SiteAreaLoadUpdatedEvent = DomainEvent<typeof SITE_AREA_LOAD_UPDATED, SiteAreaLoad>;
