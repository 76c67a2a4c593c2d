import { DomainEvent } from '@csms/events';
import { ChargingStation } from '../models/charging-station.model';
import { Connector } from '../models/connector.model';
import { ChargingProfileInput } from '../ports/station-commands.port';

export const CHARGING_STATION_UPDATED = 'ChargingStationUpdated';
export const CONNECTOR_STATUS_CHANGED = 'ConnectorStatusChanged';
export const CHARGING_STATION_BOOTED = 'ChargingStationBooted';
export const CHARGING_STATION_DELETED = 'ChargingStationDeleted';
export const STATION_TEMPLATE_APPLIED = 'StationTemplateApplied';

/** Boot, status, online/offline or vendor data changed; the payload is the station as GraphQL shows it. */
export type ChargingStationUpdatedEvent = DomainEvent<typeof CHARGING_STATION_UPDATED, ChargingStation>;

export type ConnectorStatusChangedEvent = DomainEvent<
  typeof CONNECTOR_STATUS_CHANGED,
  { chargingStationId: string; connector: Connector; previousStatus?: string }
>;

/**
 * A BootNotification was answered. Sessions left open are closed by the version adapter (a 1.x
 * boot means a restart) through TransactionInbound.closeOpenTransactions, not by this event.
 */
export type ChargingStationBootedEvent = DomainEvent<
  typeof CHARGING_STATION_BOOTED,
  { chargingStationId: string; bootedAt: Date }
>;

export const CHARGING_PROFILE_SET = 'ChargingProfileSet';

/** A station accepted a charging profile: sessions there now charge under its limit. */
export type ChargingProfileSetEvent = DomainEvent<
  typeof CHARGING_PROFILE_SET,
  { chargingStationId: string; connectorId: number; profile: ChargingProfileInput }
>;

/** An operator deleted the station: views that keep stations drop it. */
export type ChargingStationDeletedEvent = DomainEvent<
  typeof CHARGING_STATION_DELETED,
  { chargingStationId: string }
>;

/**
 * A template was applied after the station's boot: its hardware and capabilities (limits in watts or
 * amperes, phases, power) may differ from what plans made since the boot saw.
 */
export type StationTemplateAppliedEvent = DomainEvent<
  typeof STATION_TEMPLATE_APPLIED,
  { chargingStationId: string; templateId: string }
>;
