import { TenantId } from '@csms/common';
import { LostStationsListener, StationOwnershipRegistry, stationKey } from './station-ownership.registry';

/** The registry of a single instance (no REDIS_URL): every claimed station is held here. */
export class InMemoryStationOwnershipRegistry extends StationOwnershipRegistry {
  private readonly held = new Set<string>();

  constructor(readonly instanceId: string) {
    super();
  }

  async claim(tenantId: TenantId, stationId: string): Promise<void> {
    this.held.add(stationKey(tenantId, stationId));
  }

  async release(tenantId: TenantId, stationId: string): Promise<void> {
    this.held.delete(stationKey(tenantId, stationId));
  }

  async ownerOf(tenantId: TenantId, stationId: string): Promise<string | undefined> {
    return this.isHeldHere(tenantId, stationId) ? this.instanceId : undefined;
  }

  isHeldHere(tenantId: TenantId, stationId: string): boolean {
    return this.held.has(stationKey(tenantId, stationId));
  }

  /** A single instance cannot outlive itself: never called. */
  onStationsLost(_listener: LostStationsListener): () => void {
    return () => undefined;
  }
}
