import { TenantId } from '@csms/common';

/** A station whose instance stopped heartbeating while it still held the station's connection. */
export interface LostStation {
  tenantId: TenantId;
  stationId: string;
  /** The instance found dead. */
  instanceId: string;
}

export type LostStationsListener = (stations: LostStation[]) => void | Promise<void>;

/**
 * Which instance holds which station's connection. The OCPP edge claims a station when its
 * connection opens and releases it when it closes; command routing asks `ownerOf`. A claim lives as
 * long as its instance heartbeats: a crashed instance's stations have no owner after the TTL, and
 * one surviving instance reports them once through `onStationsLost`.
 */
export abstract class StationOwnershipRegistry {
  abstract readonly instanceId: string;

  /** This instance now holds the station; the latest claim wins (a station reconnecting elsewhere). */
  abstract claim(tenantId: TenantId, stationId: string): Promise<void>;

  /** Gives the station up, unless another instance claimed it since. */
  abstract release(tenantId: TenantId, stationId: string): Promise<void>;

  /** The live instance holding the station's connection, or undefined when none does. */
  abstract ownerOf(tenantId: TenantId, stationId: string): Promise<string | undefined>;

  /** Whether this instance claimed the station and has not released it (no I/O). */
  abstract isHeldHere(tenantId: TenantId, stationId: string): boolean;

  /** Subscribes to stations found orphaned by a dead instance; returns the unsubscribe function. */
  abstract onStationsLost(listener: LostStationsListener): () => void;
}

/** One map key per station: tenant ids and station ids may contain any character but NUL. */
export function stationKey(tenantId: string, stationId: string): string {
  return `${tenantId}\u0000${stationId}`;
}
