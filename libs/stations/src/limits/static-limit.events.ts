import { DomainEvent } from '@csms/events';

export const STATIC_LIMITS_CHANGED = 'StaticLimitsChanged';

/** One limit in force: on the whole station (connector 0) or one connector, in W. */
export interface LimitInForce {
  connectorId: number;
  watts: number;
}

/**
 * A station accepted a new static limit or dropped one: `limits` is every static limit in force
 * there now (empty: none), so listeners need not know what was there before.
 */
export type StaticLimitsChangedEvent = DomainEvent<
  typeof STATIC_LIMITS_CHANGED,
  { chargingStationId: string; limits: LimitInForce[] }
>;

/**
 * The power a session on `connectorId` may draw under `limits`: the lowest of the station's and
 * the connector's own; undefined when neither is limited.
 */
export function limitWattsInForce(limits: readonly LimitInForce[], connectorId: number): number | undefined {
  const applying = limits.filter((limit) => limit.connectorId === 0 || limit.connectorId === connectorId);
  return applying.length ? Math.min(...applying.map((limit) => limit.watts)) : undefined;
}
