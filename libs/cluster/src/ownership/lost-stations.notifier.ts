import { EventBus, domainEvent } from '@csms/events';
import { StationInbound } from '@csms/stations/ports/station-inbound.port';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { STATION_CONNECTION_LOST, StationConnectionLostEvent } from './station-connection-lost.event';
import { LostStation, StationOwnershipRegistry } from './station-ownership.registry';

/**
 * Makes the stations of a dead instance offline: publishes StationConnectionLost and tells the
 * stations domain (StationInbound.disconnected, as the edge does when a connection closes), when
 * this instance has the domain. Runs once per lost station in the whole cluster (one sweeper).
 */
@Injectable()
export class LostStationsNotifier implements OnModuleInit {
  private readonly logger = new Logger(LostStationsNotifier.name);

  constructor(
    private readonly registry: StationOwnershipRegistry,
    private readonly events: EventBus,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.registry.onStationsLost((stations) => this.report(stations));
  }

  private async report(stations: LostStation[]): Promise<void> {
    this.logger.warn(
      { count: stations.length, instanceId: stations[0]?.instanceId },
      'Stations of a dead instance',
    );
    const inbound = this.stationInbound();
    // Side by side: a dead instance may have held thousands, and each write settles only once stored.
    await Promise.all(
      stations.map(async ({ tenantId, stationId, instanceId }) => {
        const event: StationConnectionLostEvent = domainEvent(STATION_CONNECTION_LOST, tenantId, {
          chargingStationId: stationId,
          instanceId,
        });
        await this.events.publish(event);
        await inbound
          ?.disconnected(tenantId, stationId)
          .catch((error: unknown) =>
            this.logger.error({ err: error, stationId }, 'Could not record the station offline'),
          );
      }),
    );
  }

  private stationInbound(): StationInbound | undefined {
    try {
      return this.moduleRef.get(StationInbound, { strict: false });
    } catch {
      return undefined;
    }
  }
}
