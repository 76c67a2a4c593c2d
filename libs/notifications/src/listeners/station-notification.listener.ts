import { APP_CONFIG, AppConfig, TenantId } from '@csms/common';
import { DomainEvent, EventBus, Unsubscribe } from '@csms/events';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { FrontendLinks } from '../frontend-links';
import { NotificationType } from '../notification-type';
import { NotificationService } from '../notification.service';
import { RecipientDirectory } from '../recipient';
import {
  CONNECTOR_STATUS_CHANGED_EVENT,
  STATION_UPDATED_EVENT,
  readConnectorFault,
  readStationConnectivity,
  StationConnectivity,
} from './station-event';

/**
 * Operational messages to the tenant's admins: a connector fault, a station going offline. Offline
 * is a transition this process saw (online, then not), so a restart does not re-announce stations,
 * or one the presence check found (`wentOffline`: the database said online, the station is gone).
 * A disconnection is announced only if the station is still offline
 * STATION_OFFLINE_NOTIFICATION_SECONDS later.
 */
@Injectable()
export class StationNotificationListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(StationNotificationListener.name);
  private readonly online = new Map<string, boolean>();
  /** Stations gone offline, announced when their timer fires; a reconnection cancels it. */
  private readonly announcements = new Map<string, NodeJS.Timeout>();
  private readonly graceMs: number;
  private unsubscribers: Unsubscribe[] = [];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly events: EventBus,
    private readonly recipients: RecipientDirectory,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
  ) {
    this.graceMs = config.STATION_OFFLINE_NOTIFICATION_SECONDS * 1000;
  }

  onModuleInit(): void {
    this.unsubscribers = [
      this.events.subscribeOwn(CONNECTOR_STATUS_CHANGED_EVENT, (event) => this.onConnectorStatus(event)),
      this.events.subscribeOwn(STATION_UPDATED_EVENT, (event) => this.onStationUpdated(event)),
    ];
  }

  onModuleDestroy(): void {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
    this.announcements.forEach((timer) => clearTimeout(timer));
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

  private onStationUpdated(event: DomainEvent): void {
    const station = readStationConnectivity(event.payload);
    if (!station) return;
    const key = `${event.tenantId}/${station.chargingStationId}`;
    const wasOnline = this.online.get(key);
    this.online.set(key, station.online);
    if (station.online) {
      clearTimeout(this.announcements.get(key));
      this.announcements.delete(key);
      return;
    }
    if ((wasOnline !== true && !station.wentOffline) || this.announcements.has(key)) return;
    // The presence check finds only stations silent for long already: no need to wait more.
    const delayMs = station.wentOffline ? 0 : this.graceMs;
    const timer = setTimeout(() => {
      this.announcements.delete(key);
      this.announceOffline(event.tenantId, station).catch((error: unknown) =>
        this.logger.error({ err: error, key }, 'Could not announce an offline station'),
      );
    }, delayMs);
    timer.unref();
    this.announcements.set(key, timer);
  }

  private async announceOffline(tenantId: TenantId, station: StationConnectivity): Promise<void> {
    const link = this.links.to(
      tenantId,
      `/charging-stations/${encodeURIComponent(station.chargingStationId)}`,
    );
    for (const admin of await this.recipients.findAdmins(tenantId)) {
      this.notifications.notify(admin, NotificationType.STATION_OFFLINE, {
        chargingStationId: station.chargingStationId,
        lastSeen: station.lastSeen,
        link,
      });
    }
  }
}
