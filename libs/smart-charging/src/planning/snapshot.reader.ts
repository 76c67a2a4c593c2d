import { AssetService, PhaseAmps, effectiveLoad } from '@csms/assets';
import { APP_CONFIG, AppConfig, TenantId } from '@csms/common';
import { OrganizationDirectory, SiteArea, SiteAreaService } from '@csms/organizations';
import { StationLimitService, StationPlacementService } from '@csms/stations';
import { TransactionService } from '@csms/transactions';
import { TenantService } from '@csms/users';
import { Inject, Injectable } from '@nestjs/common';
import { StationExclusionRepository } from '../exclusions/station-exclusion.repository';
import { SmartChargingPlanRepository } from '../plans/smart-charging-plan.repository';
import { SessionCarInfo } from '../ports/session-car.port';
import { SessionPreferenceRepository } from '../sessions/session-preference.repository';
import { SmartChargingSettingsRepository } from '../settings/smart-charging-settings.repository';
import { ConnectorWiringRepository } from '../wiring/connector-wiring.repository';
import { AreaSnapshot } from './area-snapshot';
import { FORECAST_DAYS } from './arrival-forecast';
import { rootOf, treeOf } from './area-tree';
import { isPricedPlan } from './tariff-prices';

const NOMINAL_VOLTAGE = 230;

/** Reads everything a plan of one site-area tree needs, from the modules that own it. */
@Injectable()
export class SnapshotReader {
  private readonly staleAfterMs: number;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly siteAreas: SiteAreaService,
    private readonly placements: StationPlacementService,
    private readonly stationLimits: StationLimitService,
    private readonly transactions: TransactionService,
    private readonly assets: AssetService,
    private readonly cars: SessionCarInfo,
    private readonly settings: SmartChargingSettingsRepository,
    private readonly wiring: ConnectorWiringRepository,
    private readonly preferences: SessionPreferenceRepository,
    private readonly exclusions: StationExclusionRepository,
    private readonly plans: SmartChargingPlanRepository,
    private readonly organizations: OrganizationDirectory,
    private readonly tenants: TenantService,
  ) {
    this.staleAfterMs = config.ASSET_STALE_AFTER_SECONDS * 1000;
  }

  /** The top area of the tree `siteAreaId` is in, with the tree; null for an unknown area. */
  async treeOf(
    tenantId: TenantId,
    siteAreaId: string,
  ): Promise<{ root: SiteArea; areas: SiteArea[] } | null> {
    const area = await this.siteAreas.find(tenantId, siteAreaId);
    if (!area) return null;
    const inSite = await this.siteAreas.inSite(tenantId, area.siteId);
    const rootId = rootOf(area.id, inSite);
    return { root: inSite.find((candidate) => candidate.id === rootId)!, areas: treeOf(rootId, inSite) };
  }

  async read(tenantId: TenantId, root: SiteArea, areas: SiteArea[], now: Date): Promise<AreaSnapshot> {
    const areaIds = areas.map((area) => area.id);
    const inAreas = new Set(areaIds);
    const placed = (await this.placements.inSites(tenantId, [root.siteId])).filter(
      (station) => station.siteAreaId !== undefined && inAreas.has(station.siteAreaId),
    );
    const stationIds = placed.map((station) => station.id).sort();
    const forecastSince = new Date(now.getTime() - FORECAST_DAYS * 24 * 3_600_000);
    const [stations, staticLimits, sessions, settings, wiring, exclusions, assets, previous, timeZone] =
      await Promise.all([
        this.placements.findMany(tenantId, stationIds),
        this.stationLimits.limitsOf(tenantId, stationIds),
        this.transactions.activeOfStations(tenantId, stationIds),
        this.settings.ofAreas(tenantId, areaIds),
        this.wiring.ofStations(tenantId, stationIds),
        this.exclusions.ofStations(tenantId, stationIds),
        this.assets.ofSiteAreas(tenantId, areaIds),
        this.plans.ofRoot(tenantId, root.id),
        this.timeZoneOf(tenantId, root.siteId),
      ]);
    const transactionIds = sessions.map((session) => session.id);
    // The past week's sessions feed the forecast of later arrivals, which only a priced plan uses.
    const priced = isPricedPlan(settings.get(root.id)?.gridPrices ?? [], sessions);
    const [cars, preferences, past] = await Promise.all([
      this.cars.factsOf(
        tenantId,
        sessions.map((session) => ({
          transactionId: session.id,
          chargingStationId: session.chargingStationId,
          connectorId: session.connectorId,
          startedAt: session.startedAt,
          userId: session.userId,
          tagId: session.tagId,
        })),
      ),
      this.preferences.ofTransactions(tenantId, transactionIds),
      priced ? this.transactions.stoppedOfStations(tenantId, stationIds, forecastSince) : [],
    ]);
    const assetAmps = new Map<string, PhaseAmps>();
    const areasById = new Map(areas.map((area) => [area.id, area]));
    for (const asset of assets) {
      const area = areasById.get(asset.siteAreaId)!;
      const load = effectiveLoad(
        { ...asset, lastReading: asset.lastReading },
        { voltage: area.voltage ?? NOMINAL_VOLTAGE, phases: area.numberOfPhases ?? 3 },
        now,
        this.staleAfterMs,
      );
      const total = assetAmps.get(asset.siteAreaId) ?? [0, 0, 0];
      assetAmps.set(asset.siteAreaId, total.map((amps, phase) => amps + load.amps[phase]) as PhaseAmps);
    }
    return {
      now,
      root,
      areas,
      settings,
      stations: stations.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      staticLimits,
      sessions,
      cars,
      preferences,
      wiring,
      excluded: new Map([...exclusions].map(([stationId, exclusion]) => [stationId, exclusion.reason])),
      assetAmps,
      previous: previous ?? undefined,
      timeZone,
      pastSessions: past
        .filter((session) => session.stoppedAt !== undefined)
        .map((session) => ({
          start: session.startedAt,
          end: session.stoppedAt!,
          energyWh: session.energyWh,
        })),
    };
  }

  /** The ids of the sessions still going at these stations. */
  async stillActive(tenantId: TenantId, stationIds: readonly string[]): Promise<Set<string>> {
    const active = await this.transactions.activeOfStations(tenantId, stationIds);
    return new Set(active.map((transaction) => transaction.id));
  }

  /** One clock per place, as pricing and statistics read it: the site's zone, else the tenant's. */
  private async timeZoneOf(tenantId: TenantId, siteId: string): Promise<string> {
    const site = await this.organizations.site(tenantId, siteId);
    return site?.timeZone ?? (await this.tenants.timeZoneOf(tenantId));
  }
}
