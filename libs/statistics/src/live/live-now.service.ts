import { AppAbility, canOn } from '@csms/auth';
import { TenantId } from '@csms/common';
import { EventBus } from '@csms/events';
import { OrganizationDirectory } from '@csms/organizations';
import {
  CHARGING_STATION_DELETED,
  CHARGING_STATION_UPDATED,
  ChargingStationDeletedEvent,
  ChargingStation,
  ChargingStationUpdatedEvent,
  StationPlacementService,
} from '@csms/stations';
import {
  CONSUMPTION_ADDED,
  ConsumptionAddedEvent,
  TRANSACTION_STARTED,
  TRANSACTION_STOPPED,
  TRANSACTION_UPDATED,
  Transaction,
  TransactionEvent,
  TransactionService,
} from '@csms/transactions';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { LiveSession, LiveState, LiveStation } from './live-state';
import { LivePlace, liveView } from './live-view';
import { LiveNow } from './models/live-now.model';

/**
 * The "live now" view: each tenant's stations and open sessions in memory, loaded once (on the first
 * question on this instance) and then kept by the events every instance receives, so a question reads
 * no database but the names of the sites and areas it shows.
 */
@Injectable()
export class LiveNowService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(LiveNowService.name);
  private readonly tenants = new Map<TenantId, { state: LiveState; ready: Promise<void> }>();
  private unsubscribers: (() => void)[] = [];

  constructor(
    private readonly events: EventBus,
    private readonly stations: StationPlacementService,
    private readonly transactions: TransactionService,
    private readonly organizations: OrganizationDirectory,
  ) {}

  onModuleInit(): void {
    // Only tenants already asked about are followed: the others are loaded whole when first asked.
    const on = <E extends { tenantId: TenantId }>(
      type: string,
      apply: (state: LiveState, event: E) => void,
    ) =>
      this.events.subscribe(type, (event) => {
        const tenant = this.tenants.get(event.tenantId);
        if (tenant) apply(tenant.state, event as unknown as E);
      });
    this.unsubscribers = [
      on<ChargingStationUpdatedEvent>(CHARGING_STATION_UPDATED, (state, event) =>
        state.putStation(liveStationOf(event.payload)),
      ),
      on<ChargingStationDeletedEvent>(CHARGING_STATION_DELETED, (state, event) =>
        state.removeStation(event.payload.chargingStationId),
      ),
      on<TransactionEvent>(TRANSACTION_STARTED, (state, event) =>
        state.startSession(liveSessionOf(event.payload)),
      ),
      on<TransactionEvent>(TRANSACTION_UPDATED, (state, event) => {
        if (event.payload.active) state.progress(liveSessionOf(event.payload));
        else state.stopSession(event.payload.id);
      }),
      on<TransactionEvent>(TRANSACTION_STOPPED, (state, event) => state.stopSession(event.payload.id)),
      on<ConsumptionAddedEvent>(CONSUMPTION_ADDED, (state, event) =>
        state.addPoint(event.payload.transactionId, event.payload.consumption),
      ),
    ];
  }

  onModuleDestroy(): void {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
  }

  async now(tenantId: TenantId, ability: AppAbility, siteId?: string): Promise<LiveNow> {
    const state = await this.stateOf(tenantId);
    const visible = (place: LivePlace): boolean =>
      (siteId === undefined || place.siteId === siteId) && canOn(ability, 'list', 'Statistics', place);
    const view = liveView(state, visible);
    const siteIds = view.sites.flatMap((site) => (site.siteId ? [site.siteId] : []));
    const areaIds = view.sites.flatMap((site) =>
      site.siteAreas.flatMap((area) => (area.siteAreaId ? [area.siteAreaId] : [])),
    );
    const [siteNames, areaNames] = await Promise.all([
      siteIds.length ? this.organizations.siteNames(tenantId, siteIds) : [],
      areaIds.length ? this.organizations.siteAreaNames(tenantId, areaIds) : [],
    ]);
    const nameOf = (names: { id: string; name: string }[]) => {
      const byId = new Map(names.map((entity) => [entity.id, entity.name]));
      return (id: string | null): string | null => (id ? (byId.get(id) ?? null) : null);
    };
    const siteName = nameOf(siteNames);
    const areaName = nameOf(areaNames);
    return {
      at: new Date(),
      ...view,
      sites: view.sites.map((site) => ({
        ...site,
        name: siteName(site.siteId),
        siteAreas: site.siteAreas.map((area) => ({ ...area, name: areaName(area.siteAreaId) })),
      })),
    };
  }

  private async stateOf(tenantId: TenantId): Promise<LiveState> {
    let tenant = this.tenants.get(tenantId);
    if (!tenant) {
      const state = new LiveState();
      tenant = { state, ready: this.load(tenantId, state) };
      this.tenants.set(tenantId, tenant);
      // A failed load is tried again by the next question.
      tenant.ready.catch((error: unknown) => {
        this.logger.error({ err: error, tenantId }, 'Could not load the live view');
        this.tenants.delete(tenantId);
      });
    }
    await tenant.ready;
    return tenant.state;
  }

  /** The stations as stored, and the sessions open on their connectors. */
  private async load(tenantId: TenantId, state: LiveState): Promise<void> {
    const stations: LiveStation[] = [];
    const charging: string[] = [];
    for await (const station of this.stations.every(tenantId)) {
      stations.push(liveStationOf(station));
      if (station.connectors.some((connector) => connector.currentTransactionId)) charging.push(station.id);
    }
    const open = await this.transactions.activeOfStations(tenantId, charging);
    state.loaded(stations, open.map(liveSessionOf));
  }
}

function liveStationOf(station: ChargingStation): LiveStation {
  return {
    id: station.id,
    siteId: station.siteId ?? undefined,
    siteAreaId: station.siteAreaId ?? undefined,
    online: station.online,
    ocppProtocol: station.ocppProtocol,
    lastSeen: station.lastSeen ? new Date(station.lastSeen) : undefined,
    heartbeatIntervalSeconds: station.heartbeatIntervalSeconds,
    status: station.status ?? undefined,
    connectors: station.connectors.map(({ connectorId, status }) => ({ connectorId, status })),
  };
}

function liveSessionOf(transaction: Transaction): LiveSession {
  return {
    id: transaction.id,
    chargingStationId: transaction.chargingStationId,
    connectorId: transaction.connectorId,
    userId: transaction.userId,
    startedAt: new Date(transaction.startedAt),
    energyWh: transaction.energyWh,
    watts: 0,
  };
}
