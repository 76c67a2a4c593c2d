import { TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { ChargingStation } from './models/charging-station.model';

/**
 * The last known state of each connected station, so that StatusNotification and Heartbeat need no
 * database read. Filled on connect/boot or on the first message after a restart, evicted on
 * disconnect; the database stays the truth.
 */
@Injectable()
export class StationStateCache {
  private readonly stations = new Map<string, ChargingStation>();

  get(tenantId: TenantId, stationId: string): ChargingStation | undefined {
    return this.stations.get(this.key(tenantId, stationId));
  }

  set(tenantId: TenantId, station: ChargingStation): ChargingStation {
    this.stations.set(this.key(tenantId, station.id), station);
    return station;
  }

  evict(tenantId: TenantId, stationId: string): void {
    this.stations.delete(this.key(tenantId, stationId));
  }

  get size(): number {
    return this.stations.size;
  }

  private key(tenantId: TenantId, stationId: string): string {
    return `${tenantId}\u0000${stationId}`;
  }
}
