import { DomainEvent } from '@csms/events';

export const STATION_CONNECTION_LOST = 'StationConnectionLost';

/**
 * The instance holding the station's connection stopped heartbeating (crashed, or cut off from
 * Redis) and the station has no owner any more. Published once, by the instance that swept it.
 */
export type StationConnectionLostEvent = DomainEvent<
  typeof STATION_CONNECTION_LOST,
  { chargingStationId: string; instanceId: string }
>;
