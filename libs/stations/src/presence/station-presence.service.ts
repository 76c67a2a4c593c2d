import { TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { Injectable } from '@nestjs/common';
import { CHARGING_STATION_UPDATED } from '../events/station-events';
import { ChargingStation } from '../models/charging-station.model';
import { StationStateCache } from '../station-state-cache';
import { PresenceFacts, StationPresenceRepository } from './station-presence.repository';

export type { PresenceFacts } from './station-presence.repository';

/**
 * The ChargingStationUpdated payload of a station found gone by the presence check. `wentOffline`
 * tells listeners this is a transition even if they never saw the station online (after a restart).
 */
export type StationWentOfflinePayload = ChargingStation & { online: false; wentOffline: true };

/**
 * Presence of stations whose connection cannot say it ended: SOAP stations (no connection at all)
 * and JSON stations whose instance died. Used by the housekeeping job, which decides who is gone.
 */
@Injectable()
export class StationPresenceService {
  constructor(
    private readonly stations: StationPresenceRepository,
    private readonly cache: StationStateCache,
    private readonly events: EventBus,
  ) {}

  /** Stations recorded online whose last message is older than `seenBefore`, a page at a time. */
  findQuiet(
    tenantId: TenantId,
    seenBefore: Date,
    limit: number,
    afterStationId?: string,
  ): Promise<PresenceFacts[]> {
    return this.stations.findQuiet(tenantId, seenBefore, limit, afterStationId);
  }

  /**
   * Records the station offline and publishes ChargingStationUpdated, unless it sent something
   * since `seenBefore` (checked in the same write). Returns whether it went offline.
   */
  async markOffline(tenantId: TenantId, stationId: string, seenBefore: Date): Promise<boolean> {
    const station = await this.stations.setOfflineIfQuiet(tenantId, stationId, seenBefore);
    if (!station) return false;
    const cached = this.cache.get(tenantId, stationId);
    // A SOAP station stays cached, offline, so that its next message announces it online again.
    if (cached && station.ocppProtocol === 'soap') this.cache.set(tenantId, { ...cached, online: false });
    else this.cache.evict(tenantId, stationId);
    const payload: StationWentOfflinePayload = { ...station, online: false, wentOffline: true };
    await this.events.publish(domainEvent(CHARGING_STATION_UPDATED, tenantId, payload));
    return true;
  }
}
