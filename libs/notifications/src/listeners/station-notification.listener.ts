import { DomainEvent, EventBus, Unsubscribe } from '@csms/events';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { FrontendLinks } from '../frontend-links';
import { NotificationType } from '../notification-type';
import { NotificationService } from '../notification.service';
import { RecipientDirectory } from '../recipient';
import {
  CONNECTOR_STATUS_CHANGED_EVENT,
  STATION_UPDATED_EVENT,
  readConnectorFault,
  readStationConnectivity,
} from './station-event';

/**
 * Operational messages to the tenant's admins: a connector fault, a station going offline. Offline
 * is a transition this process saw (online, then not), so a restart does not re-announce stations,
 * or one the presence check found (`wentOffline`: the database said online, the station is gone).
 */
@Injectable()
export class StationNotificationListener implements OnModuleInit, OnModuleDestroy {
  private readonly online = new Map<string, boolean>();
  private unsubscribers: Unsubscribe[] = [];

  constructor(
    private readonly events: EventBus,
    private readonly recipients: RecipientDirectory,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
  ) {}

  onModuleInit(): void {
    this.unsubscribers = [
      this.events.subscribeOwn(CONNECTOR_STATUS_CHANGED_EVENT, (event) => this.onConnectorStatus(event)),
      this.events.subscribeOwn(STATION_UPDATED_EVENT, (event) => this.onStationUpdated(event)),
    ];
  }

  onModuleDestroy(): void {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
  }

  private async onConnectorStatus(event: DomainEvent): Promise<void> {
    const fault = readConnectorFault(event.payload);
    if (!fault) return;
    const link = this.links.to(
      event.tenantId,
      `/charging-stations/${encodeURIComponent(fault.chargingStationId)}`,
    );
    for (const admin of await this.recipients.findAdmins(event.tenantId)) {
      this.notifications.notify(admin, NotificationType.STATION_STATUS_ERROR, { ...fault, link });
    }
  }

  private async onStationUpdated(event: DomainEvent): Promise<void> {
    const station = readStationConnectivity(event.payload);
    if (!station) return;
    const key = `${event.tenantId}/${station.chargingStationId}`;
    const wasOnline = this.online.get(key);
    this.online.set(key, station.online);
    if (station.online || (wasOnline !== true && !station.wentOffline)) return;
    const link = this.links.to(
      event.tenantId,
      `/charging-stations/${encodeURIComponent(station.chargingStationId)}`,
    );
    for (const admin of await this.recipients.findAdmins(event.tenantId)) {
      this.notifications.notify(admin, NotificationType.STATION_OFFLINE, {
        chargingStationId: station.chargingStationId,
        lastSeen: station.lastSeen,
        link,
      });
    }
  }
}
