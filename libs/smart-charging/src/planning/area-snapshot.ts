import { PhaseAmps } from '@csms/assets';
import { SiteArea } from '@csms/organizations';
import { ChargingStation, StaticLimit } from '@csms/stations';
import { Transaction } from '@csms/transactions';
import { CarFacts } from '../ports/session-car.port';
import { ChargingPreferences } from '../sessions/session-preference';
import { SmartChargingSettings } from '../settings/smart-charging-settings';
import { ConnectorWiring } from '../wiring/connector-wiring';
import { StoredPlan } from '../plans/stored-plan';
import { PastSession } from './arrival-forecast';

/** Everything a plan of one site-area tree is made from, read at once. */
export interface AreaSnapshot {
  now: Date;
  root: SiteArea;
  /** The root and every area under it. */
  areas: SiteArea[];
  settings: Map<string, SmartChargingSettings>;
  stations: ChargingStation[];
  staticLimits: Map<string, StaticLimit[]>;
  sessions: Transaction[];
  cars: Map<string, CarFacts>;
  preferences: Map<string, ChargingPreferences>;
  /** Keyed by wiringKey(station, connector). */
  wiring: Map<string, ConnectorWiring>;
  /** Stations left out of smart charging, with why. */
  excluded: Map<string, string>;
  /** What the assets of each area draw, per grid phase. */
  assetAmps: Map<string, PhaseAmps>;
  previous?: StoredPlan;
  /** Sessions of the tree's stations over its past FORECAST_DAYS days: the forecast of later arrivals. */
  pastSessions?: PastSession[];
  /** The clock of grid prices: the site's time zone, else the tenant's. */
  timeZone: string;
}
