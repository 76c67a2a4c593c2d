import { StationOwnershipRegistry, hasRole, stationKey } from '@csms/cluster';
import { APP_CONFIG, AppConfig, PerKeySerializer, TenantId } from '@csms/common';
import { EventBus, Unsubscribe } from '@csms/events';
import { CHARGING_STATION_BOOTED, ChargingStationBootedEvent, ChargingStationService } from '@csms/stations';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { TemplateApplicationLeaseRepository } from './template-application-lease.repository';
import { TemplateApplier } from './template-applier';

/** Lets the BootNotification answer reach the station before our first CALL to it. */
const AFTER_BOOT_DELAY_MS = 500;
/** Longer than an application takes: a few CALLs, each bounded by OCPP_CALL_TIMEOUT_MS. */
const LEASE_TTL_MS = 5 * 60_000;

/**
 * Applies station templates after accepted BootNotifications, in the background (the boot answer
 * never waits) and once per station at a time. The event reaches every instance when the bus is
 * Redis; only the instance holding the station's connection applies. SOAP stations have no such
 * instance: the instances serving OCPP take a lease, and the one that gets it applies.
 */
@Injectable()
export class TemplateApplicationListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TemplateApplicationListener.name);
  private readonly serializer = new PerKeySerializer((error, key) =>
    this.logger.error({ err: error, station: key }, 'Station template application failed'),
  );
  private unsubscribe?: Unsubscribe;
  private closed = false;

  constructor(
    private readonly events: EventBus,
    private readonly ownership: StationOwnershipRegistry,
    private readonly stations: ChargingStationService,
    private readonly applier: TemplateApplier,
    private readonly leases: TemplateApplicationLeaseRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribe<ChargingStationBootedEvent>(CHARGING_STATION_BOOTED, (event) =>
      this.onBooted(event),
    );
  }

  onModuleDestroy(): void {
    this.closed = true;
    this.unsubscribe?.();
  }

  /** Resolves once no application runs. */
  idle(): Promise<void> {
    return this.serializer.idle();
  }

  private onBooted({ tenantId, payload }: ChargingStationBootedEvent): void {
    const stationId = payload.chargingStationId;
    const heldHere = this.ownership.isHeldHere(tenantId, stationId);
    if (!heldHere && !hasRole(this.config, 'ocpp')) return;
    this.serializer.run(stationKey(tenantId, stationId), async () => {
      await sleep(AFTER_BOOT_DELAY_MS);
      if (this.closed) return;
      if (heldHere) await this.applyTo(tenantId, stationId);
      else await this.applyToUnowned(tenantId, stationId);
    });
  }

  private async applyTo(tenantId: TenantId, stationId: string): Promise<void> {
    const station = await this.stations.find(tenantId, stationId);
    if (!station || station.manualConfiguration) return;
    await this.applier.apply(tenantId, station);
  }

  private async applyToUnowned(tenantId: TenantId, stationId: string): Promise<void> {
    const station = await this.stations.find(tenantId, stationId);
    // A JSON station held by no instance has disconnected since its boot; the holder applies otherwise.
    if (!station || station.ocppProtocol !== 'soap' || station.manualConfiguration) return;
    const holder = this.ownership.instanceId;
    if (!(await this.leases.acquire(tenantId, stationId, holder, LEASE_TTL_MS))) return;
    try {
      await this.applier.apply(tenantId, station);
    } finally {
      await this.leases.release(tenantId, stationId, holder);
    }
  }
}
