import { NotFoundError, PerKeySerializer, TenantId } from '@csms/common';
import { EventBus, Unsubscribe } from '@csms/events';
import { SITE_CHANGED, SiteChangedEvent, SiteService } from '@csms/organizations';
import {
  CHARGING_STATION_UPDATED,
  CONNECTOR_STATUS_CHANGED,
  ChargingStation,
  ChargingStationService,
  ChargingStationUpdatedEvent,
  ConnectorStatusChangedEvent,
} from '@csms/stations';
import { TARIFFS_CHANGED, TariffResolutionService, TariffsChangedEvent } from '@csms/pricing';
import { TenantService } from '@csms/users';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ROAMING_IDENTITY_CHANGED, RoamingIdentityService } from '../identity/roaming-identity.service';
import { Outbox } from '../outbox/outbox';
import { ROAMING_PARTNER_REGISTERED, RoamingPartnerLifecycleEvent } from '../partners/partner-events';
import { PartnerRegistry } from '../partners/partner-registry';
import { RoamingPartner, partnerActsAs } from '../partners/roaming-partner';
import { evseUid } from './evse-ids';
import { buildLocation, sameAs } from './location-builder';
import { EVSE_STATUS, EvseStatusPayload, LOCATION_PUT, locationObjectKey } from './location-events';
import { RoamingLocation } from './roaming-location';
import { RoamingLocationRepository } from './roaming-location.repository';

const STATIONS_PAGE = 500;

/**
 * Keeps the roaming projection of every site (RoamingLocation) in step with the sites and their
 * stations, and pushes what changed to the partners that take our locations: the whole location
 * (PUT) when it appears or its content changes, the EVSE status alone (PATCH) when only that changed.
 * It reacts to events on the instance that published them (one push per change in a cluster), one
 * refresh per site at a time (a burst of events on a site costs at most two), and does nothing for a
 * tenant without partners.
 */
@Injectable()
export class LocationProjector implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LocationProjector.name);
  private readonly refreshes = new PerKeySerializer((error, key) =>
    this.logger.error({ err: error, site: key }, 'Refreshing a roaming location failed'),
  );
  private readonly unsubscribers: Unsubscribe[] = [];
  /** Sites whose next refresh pushes the whole location even if nothing changed (identity changed). */
  private readonly pushAll = new Set<string>();
  /** Sites whose next refresh only updates the projection (a new partner gets everything separately). */
  private readonly quiet = new Set<string>();
  /** Sites whose next refresh resolves the connectors' tariffs again (anything but a status change). */
  private readonly retariff = new Set<string>();

  constructor(
    private readonly locations: RoamingLocationRepository,
    private readonly sites: SiteService,
    private readonly stations: ChargingStationService,
    private readonly identities: RoamingIdentityService,
    private readonly tenants: TenantService,
    private readonly tariffs: TariffResolutionService,
    private readonly partners: PartnerRegistry,
    private readonly outbox: Outbox,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribers.push(
      this.events.subscribeOwn<ConnectorStatusChangedEvent>(CONNECTOR_STATUS_CHANGED, async (event) => {
        if (!(await this.hasReceivers(event.tenantId))) return;
        const station = await this.stations.find(event.tenantId, event.payload.chargingStationId);
        if (station?.siteId) this.schedule(event.tenantId, station.siteId, { retariff: false });
      }),
      this.events.subscribeOwn<ChargingStationUpdatedEvent>(CHARGING_STATION_UPDATED, async (event) => {
        if (!(await this.hasReceivers(event.tenantId))) return;
        const station = event.payload;
        const sites = new Set(await this.locations.siteIdsWithStation(event.tenantId, station.id));
        if (station.siteId) sites.add(station.siteId);
        sites.forEach((siteId) => this.schedule(event.tenantId, siteId));
      }),
      this.events.subscribeOwn<SiteChangedEvent>(SITE_CHANGED, async (event) => {
        if (await this.hasReceivers(event.tenantId)) this.schedule(event.tenantId, event.payload.site.id);
      }),
      this.events.subscribeOwn<RoamingPartnerLifecycleEvent>(ROAMING_PARTNER_REGISTERED, async (event) => {
        await this.welcome(event.tenantId, event.payload.partnerId);
      }),
      this.events.subscribeOwn(ROAMING_IDENTITY_CHANGED, async (event) => {
        if (await this.hasReceivers(event.tenantId)) await this.refreshAll(event.tenantId, true);
      }),
      // Which tariff applies where may have changed: connectors' tariff ids are resolved again.
      this.events.subscribeOwn<TariffsChangedEvent>(TARIFFS_CHANGED, async (event) => {
        if (await this.hasReceivers(event.tenantId)) await this.refreshAll(event.tenantId);
      }),
    );
  }

  /** Lets refreshes in progress finish while the database is still there. */
  async onModuleDestroy(): Promise<void> {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
    await this.refreshes.idle();
  }

  /** Resolves once no refresh runs (tests, shutdown). */
  idle(): Promise<void> {
    return this.refreshes.idle();
  }

  /** Rebuilds the projection of every site with stations; with `pushAll`, pushes every published location. */
  async refreshAll(tenantId: TenantId, pushAll = false): Promise<number> {
    const siteIds = await this.sitesWithStations(tenantId);
    for (const siteId of siteIds) this.schedule(tenantId, siteId, { pushAll });
    await this.refreshes.idle();
    return siteIds.size;
  }

  /**
   * A partner just registered (or updated its credentials): the projection is brought up to date
   * without pushing to the others (they have what changed already), then the new partner gets every
   * published location once, so it is in step without having to pull.
   */
  private async welcome(tenantId: TenantId, partnerId: string): Promise<void> {
    const partner = (await this.receivers(tenantId)).find((candidate) => candidate.id === partnerId);
    if (!partner) return;
    const siteIds = await this.sitesWithStations(tenantId);
    for (const siteId of siteIds) this.schedule(tenantId, siteId, { quiet: true });
    await this.refreshes.idle();
    for (let offset = 0; ; offset += STATIONS_PAGE) {
      const { items } = await this.locations.pagePublished(tenantId, {
        filter: {},
        offset,
        limit: STATIONS_PAGE,
      });
      for (const location of items) {
        await this.outbox.enqueue(tenantId, [partner], {
          objectKey: locationObjectKey(location.id),
          kind: LOCATION_PUT,
          payload: location,
        });
      }
      if (items.length < STATIONS_PAGE) break;
    }
  }

  private async sitesWithStations(tenantId: TenantId): Promise<Set<string>> {
    const siteIds = new Set<string>();
    let after: string | undefined;
    do {
      const page = await this.stations.page(
        tenantId,
        { first: STATIONS_PAGE, after },
        { siteId: { $exists: true } },
      );
      page.edges.forEach((edge) => edge.node.siteId && siteIds.add(edge.node.siteId));
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
    } while (after);
    return siteIds;
  }

  private schedule(
    tenantId: TenantId,
    siteId: string,
    { pushAll = false, quiet = false, retariff = true } = {},
  ): void {
    const key = `${tenantId}\u0000${siteId}`;
    if (pushAll) this.pushAll.add(key);
    if (quiet) this.quiet.add(key);
    if (retariff) this.retariff.add(key);
    this.refreshes.run(key, async () => {
      const forced = this.pushAll.delete(key);
      const silent = this.quiet.delete(key);
      const tariffs = this.retariff.delete(key);
      await this.refresh(tenantId, siteId, { pushAll: forced, quiet: silent, retariff: tariffs });
    });
  }

  private async hasReceivers(tenantId: TenantId): Promise<boolean> {
    return (await this.receivers(tenantId)).length > 0;
  }

  private async receivers(tenantId: TenantId): Promise<RoamingPartner[]> {
    return (await this.partners.registeredOf(tenantId)).filter((partner) => partnerActsAs(partner, 'EMSP'));
  }

  /** Rebuilds one site's location, stores it if it changed, and pushes the change (one at a time per site). */
  private async refresh(
    tenantId: TenantId,
    siteId: string,
    { pushAll, quiet, retariff }: { pushAll: boolean; quiet: boolean; retariff: boolean },
  ): Promise<RoamingLocation | null> {
    const [site, previous, identity, tenant] = await Promise.all([
      this.sites.get(tenantId, siteId).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      }),
      this.locations.find(tenantId, siteId),
      this.identities.find(tenantId),
      this.tenants.findActive(tenantId),
    ]);
    if (!site) return previous?.published ? this.withdraw(tenantId, previous) : previous;
    const stations = await this.stationsOf(tenantId, siteId);
    const built = buildLocation(site, stations, previous, {
      fallbackTimeZone: tenant?.timeZone ?? 'UTC',
      fallbackCountry: identity?.countryCode ?? '',
      ...(retariff || !previous ? { tariffIds: await this.tariffIdsOf(tenantId, stations) } : {}),
    });
    const changed = !previous || built.lastUpdated !== previous.lastUpdated;
    if (changed) await this.locations.save(tenantId, built);
    if ((!changed && !pushAll) || quiet) return built;
    if (built.published) await this.push(tenantId, previous, built, pushAll);
    else if (previous?.published) await this.withdraw(tenantId, { ...built, published: false });
    return built;
  }

  /** The tariff any driver gets at each EVSE now (OCPI tariff_ids), by EVSE uid. */
  private async tariffIdsOf(tenantId: TenantId, stations: ChargingStation[]): Promise<Map<string, string[]>> {
    const byEvse = new Map<string, string[]>();
    const at = new Date();
    for (const station of stations) {
      for (const { connectorId } of station.connectors.filter((connector) => connector.connectorId > 0)) {
        const { tariff } = await this.tariffs.resolve(tenantId, {
          chargingStationId: station.id,
          connectorId,
          at,
        });
        byEvse.set(evseUid(station.id, connectorId), tariff ? [tariff.id] : []);
      }
    }
    return byEvse;
  }

  private async stationsOf(tenantId: TenantId, siteId: string): Promise<ChargingStation[]> {
    const stations: ChargingStation[] = [];
    let after: string | undefined;
    do {
      const page = await this.stations.page(tenantId, { first: STATIONS_PAGE, after }, { siteId });
      // The station service's own view: a connected station's live state is in its cache.
      for (const edge of page.edges)
        stations.push((await this.stations.find(tenantId, edge.node.id)) ?? edge.node);
      after = page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? undefined) : undefined;
    } while (after);
    return stations;
  }

  /** PUT when the location is new to partners or more than statuses changed; PATCHes of statuses otherwise. */
  private async push(
    tenantId: TenantId,
    previous: RoamingLocation | null,
    built: RoamingLocation,
    pushAll: boolean,
  ): Promise<void> {
    const partners = await this.receivers(tenantId);
    const objectKey = locationObjectKey(built.id);
    if (pushAll || !previous?.published || !sameAs(withoutStatuses(previous), withoutStatuses(built))) {
      await this.outbox.enqueue(tenantId, partners, { objectKey, kind: LOCATION_PUT, payload: built });
      return;
    }
    const before = new Map(previous.evses.map((evse) => [evse.uid, evse.status]));
    for (const evse of built.evses) {
      if (before.get(evse.uid) === evse.status) continue;
      const payload: EvseStatusPayload = {
        locationId: built.id,
        evseUid: evse.uid,
        status: evse.status,
        lastUpdated: evse.lastUpdated,
      };
      await this.outbox.enqueue(tenantId, partners, { objectKey, kind: EVSE_STATUS, payload });
    }
  }

  /** A location that is no longer public: partners get it once more with every EVSE REMOVED. */
  private async withdraw(tenantId: TenantId, location: RoamingLocation): Promise<RoamingLocation> {
    const now = new Date();
    const withdrawn: RoamingLocation = {
      ...location,
      published: false,
      evses: location.evses.map((evse) =>
        evse.status === 'REMOVED' ? evse : { ...evse, status: 'REMOVED', lastUpdated: now },
      ),
      lastUpdated: now,
    };
    await this.locations.save(tenantId, withdrawn);
    await this.outbox.enqueue(tenantId, await this.receivers(tenantId), {
      objectKey: locationObjectKey(location.id),
      kind: LOCATION_PUT,
      payload: withdrawn,
    });
    return withdrawn;
  }
}

/** The location's content without EVSE statuses and times: what decides between PUT and PATCH. */
function withoutStatuses(location: RoamingLocation): unknown {
  return JSON.parse(JSON.stringify(location), (key, value: unknown) =>
    key === 'status' || key === 'lastUpdated' ? undefined : value,
  );
}
