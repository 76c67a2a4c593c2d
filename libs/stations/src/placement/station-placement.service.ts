import { FilterQuery } from 'mongoose';
import { NotFoundError, TenantId } from '@csms/common';
import { DomainEvent, EventBus, domainEvent } from '@csms/events';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CHARGING_STATION_UPDATED } from '../events/station-events';
import { ChargingStation } from '../models/charging-station.model';
import { StationPlacement } from '../ports/station-organization.port';
import { ChargingStationDocument } from '../schemas/charging-station.schema';
import { StationStateCache } from '../station-state-cache';
import { PlacedStation, StationPlacementRepository } from './station-placement.repository';

export const CHARGING_STATION_PLACED = 'ChargingStationPlaced';

export type ChargingStationPlacedEvent = DomainEvent<
  typeof CHARGING_STATION_PLACED,
  { chargingStationId: string; siteId?: string; siteAreaId?: string }
>;

/** Where stations stand, for the organizations module (which owns sites and site areas). */
@Injectable()
export class StationPlacementService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StationPlacementService.name);
  private unsubscribe: (() => void) | undefined;

  constructor(
    private readonly placements: StationPlacementRepository,
    private readonly cache: StationStateCache,
    private readonly events: EventBus,
  ) {}

  /** Every instance patches its cached copy: site roles are checked against the station's siteId. */
  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe<ChargingStationPlacedEvent>(CHARGING_STATION_PLACED, (event) => {
      const { chargingStationId, siteId, siteAreaId } = event.payload;
      const cached = this.cache.get(event.tenantId, chargingStationId);
      if (cached) this.cache.set(event.tenantId, { ...cached, siteId, siteAreaId });
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** Puts the station in a site area, or with null takes it out of any. */
  async place(
    tenantId: TenantId,
    stationId: string,
    placement: StationPlacement | null,
  ): Promise<ChargingStation> {
    const station = await this.placements.place(tenantId, stationId, placement);
    if (!station) throw new NotFoundError('ChargingStation', stationId);
    const cached = this.cache.get(tenantId, stationId);
    if (cached)
      this.cache.set(tenantId, { ...cached, siteId: station.siteId, siteAreaId: station.siteAreaId });
    const payload = { chargingStationId: stationId, siteId: station.siteId, siteAreaId: station.siteAreaId };
    await this.events.publish(domainEvent(CHARGING_STATION_PLACED, tenantId, payload));
    this.events
      .publish(domainEvent(CHARGING_STATION_UPDATED, tenantId, station))
      .catch((error: unknown) =>
        this.logger.error({ err: error }, 'Could not publish ChargingStationUpdated'),
      );
    return station;
  }

  /** The stations of these sites (ids and placement only), narrowed by `accessible` (accessibleQuery). */
  inSites(
    tenantId: TenantId,
    siteIds: readonly string[],
    accessible: FilterQuery<ChargingStationDocument> = {},
  ): Promise<PlacedStation[]> {
    return this.placements.placements(tenantId, { $and: [{ siteId: { $in: siteIds } }, accessible] });
  }

  countInSite(tenantId: TenantId, siteId: string): Promise<number> {
    return this.placements.count(tenantId, { siteId });
  }

  countInSiteArea(tenantId: TenantId, siteAreaId: string): Promise<number> {
    return this.placements.count(tenantId, { siteAreaId });
  }

  findMany(tenantId: TenantId, stationIds: readonly string[]): Promise<ChargingStation[]> {
    return this.placements.findByStationIds(tenantId, stationIds);
  }

  /** Every station of the tenant as stored, streamed (the live view's first load). */
  every(tenantId: TenantId): AsyncGenerator<ChargingStation> {
    return this.placements.every(tenantId);
  }
}
