import {
  ASSET_READING_ADDED,
  AssetReadingAddedEvent,
  AssetService,
  PhaseAmps,
  effectiveLoad,
} from '@csms/assets';
import { APP_CONFIG, AppConfig, TenantId } from '@csms/common';
import { EventBus, Unsubscribe, domainEvent } from '@csms/events';
import {
  CONSUMPTION_ADDED,
  ConsumptionAddedEvent,
  TRANSACTION_STOPPED,
  TransactionEvent,
} from '@csms/transactions';
import { Inject, Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  SITE_AREA_LOAD_UPDATED,
  SMART_CHARGING_PLAN_UPDATED,
  SmartChargingPlanUpdatedEvent,
} from '../events/smart-charging-events';
import { SiteAreaLoad } from '../models/site-area-load.model';
import { StoredPlan } from '../plans/stored-plan';
import { PhaseRotation, gridPhaseOf } from '../wiring/phase-rotation';
import { SiteAreaLoadRepository } from './site-area-load.repository';

interface ConnectorLoad {
  siteAreaId: string;
  rotation: PhaseRotation;
  /** Per grid phase, A. */
  amps: PhaseAmps;
}

interface Tree {
  tenantId: TenantId;
  plan: StoredPlan;
  dirty: boolean;
}

const connectorKey = (tenantId: string, stationId: string, connectorId: number): string =>
  `${tenantId}\u0000${stationId}\u0000${connectorId}`;

/**
 * The load curve of every area of a planned tree: charging (each connector's meter values, through
 * its phase rotation onto the grid phases) plus assets (their measured or static values), per
 * phase, each area counting its sub-areas, beside its fuse. Every instance follows the meter values
 * (the bus brings them all) and computes the points; the first to store a bucket's point announces it.
 */
@Injectable()
export class SiteAreaLoadAggregator implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SiteAreaLoadAggregator.name);
  private readonly intervalMs: number;
  private readonly staleAfterMs: number;
  private readonly trees = new Map<string, Tree>();
  private readonly connectors = new Map<string, ConnectorLoad>();
  private readonly rootOfArea = new Map<string, string>();
  private unsubscribers: Unsubscribe[] = [];
  private timer?: NodeJS.Timeout;
  private emitting?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly events: EventBus,
    private readonly loads: SiteAreaLoadRepository,
    private readonly assets: AssetService,
  ) {
    this.intervalMs = config.SMART_CHARGING_LOAD_INTERVAL_SECONDS * 1000;
    this.staleAfterMs = config.ASSET_STALE_AFTER_SECONDS * 1000;
  }

  onModuleInit(): void {
    this.unsubscribers = [
      this.events.subscribe<SmartChargingPlanUpdatedEvent>(
        SMART_CHARGING_PLAN_UPDATED,
        ({ tenantId, payload }) => this.follow(tenantId, payload.plan),
      ),
      this.events.subscribe<ConsumptionAddedEvent>(CONSUMPTION_ADDED, ({ tenantId, payload }) => {
        // Per meter value: no key string built while no site area's plan is followed.
        if (!this.connectors.size) return;
        const connector = this.connectors.get(
          connectorKey(tenantId, payload.chargingStationId, payload.connectorId),
        );
        if (!connector) return;
        const { instantAmps, instantAmpsL1, instantAmpsL2, instantAmpsL3 } = payload.consumption;
        const perPhase = [instantAmpsL1, instantAmpsL2, instantAmpsL3];
        const measured = perPhase.some((amps) => amps !== undefined)
          ? perPhase.map((amps) => amps ?? 0)
          : [0, 0, 0].map(() => (instantAmps ?? 0) / 3);
        const amps: PhaseAmps = [0, 0, 0];
        measured.forEach((value, index) => (amps[gridPhaseOf(connector.rotation, index + 1)] += value));
        connector.amps = amps;
        this.markDirty(tenantId, connector.siteAreaId);
      }),
      this.events.subscribe<TransactionEvent>(TRANSACTION_STOPPED, ({ tenantId, payload }) => {
        const connector = this.connectors.get(
          connectorKey(tenantId, payload.chargingStationId, payload.connectorId),
        );
        if (!connector) return;
        connector.amps = [0, 0, 0];
        this.markDirty(tenantId, connector.siteAreaId);
      }),
      this.events.subscribe<AssetReadingAddedEvent>(ASSET_READING_ADDED, ({ tenantId, payload }) =>
        this.markDirty(tenantId, payload.siteAreaId),
      ),
    ];
    this.timer = setInterval(() => {
      if (!this.emitting) this.emitting = this.emit().finally(() => (this.emitting = undefined));
    }, this.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
    clearInterval(this.timer);
    await this.emitting;
  }

  private follow(tenantId: TenantId, plan: StoredPlan): void {
    const key = `${tenantId}\u0000${plan.rootAreaId}`;
    this.trees.set(key, { tenantId, plan, dirty: true });
    for (const areaId of plan.areaIds) this.rootOfArea.set(`${tenantId}\u0000${areaId}`, plan.rootAreaId);
    for (const connector of plan.connectors) {
      const id = connectorKey(tenantId, connector.chargingStationId, connector.connectorId);
      const known = this.connectors.get(id);
      this.connectors.set(id, {
        siteAreaId: connector.siteAreaId,
        rotation: connector.phaseRotation as PhaseRotation,
        amps: known?.amps ?? [0, 0, 0],
      });
    }
  }

  private markDirty(tenantId: TenantId, siteAreaId: string): void {
    const root = this.rootOfArea.get(`${tenantId}\u0000${siteAreaId}`);
    const tree = root ? this.trees.get(`${tenantId}\u0000${root}`) : undefined;
    if (tree) tree.dirty = true;
  }

  private async emit(): Promise<void> {
    const now = Date.now();
    const bucket = Math.floor(now / this.intervalMs);
    for (const tree of this.trees.values()) {
      if (!tree.dirty) continue;
      tree.dirty = false;
      try {
        for (const load of await this.loadsOf(tree, new Date(now))) {
          if (await this.loads.addOnce(tree.tenantId, bucket, load)) {
            await this.events.publish(domainEvent(SITE_AREA_LOAD_UPDATED, tree.tenantId, load));
          }
        }
      } catch (error) {
        this.logger.error(
          { err: error, rootAreaId: tree.plan.rootAreaId },
          'Could not record a load curve point',
        );
      }
    }
  }

  /** Each area's load, its sub-areas included. */
  private async loadsOf(tree: Tree, now: Date): Promise<SiteAreaLoad[]> {
    const { plan, tenantId } = tree;
    const own = new Map<string, { charging: PhaseAmps; assets: PhaseAmps }>(
      plan.areas.map((area) => [area.id, { charging: [0, 0, 0], assets: [0, 0, 0] }]),
    );
    for (const [key, connector] of this.connectors) {
      if (!key.startsWith(`${tenantId}\u0000`)) continue;
      const area = own.get(connector.siteAreaId);
      if (area) connector.amps.forEach((amps, phase) => (area.charging[phase] += amps));
    }
    const areas = new Map(plan.areas.map((area) => [area.id, area]));
    for (const asset of await this.assets.ofSiteAreas(tenantId, plan.areaIds)) {
      const area = areas.get(asset.siteAreaId)!;
      const load = effectiveLoad(
        { ...asset, fluctuationPercent: 0 },
        { voltage: area.voltage, phases: area.phases },
        now,
        this.staleAfterMs,
      );
      load.amps.forEach((amps, phase) => (own.get(asset.siteAreaId)!.assets[phase] += amps));
    }
    return plan.areas.map((area) => {
      const charging: PhaseAmps = [0, 0, 0];
      const assets: PhaseAmps = [0, 0, 0];
      for (const inside of plan.areas) {
        if (!isWithin(inside.id, area.id, areas)) continue;
        const values = own.get(inside.id)!;
        values.charging.forEach((amps, phase) => (charging[phase] += amps));
        values.assets.forEach((amps, phase) => (assets[phase] += amps));
      }
      const round = (value: number): number => Math.round(value * 100) / 100;
      return {
        siteAreaId: area.id,
        timestamp: now,
        ampsL1: round(charging[0] + assets[0]),
        ampsL2: round(charging[1] + assets[1]),
        ampsL3: round(charging[2] + assets[2]),
        limitAmps: area.limitAmps ?? undefined,
        chargingAmpsL1: round(charging[0]),
        chargingAmpsL2: round(charging[1]),
        chargingAmpsL3: round(charging[2]),
        assetAmpsL1: round(assets[0]),
        assetAmpsL2: round(assets[1]),
        assetAmpsL3: round(assets[2]),
      };
    });
  }
}

function isWithin(areaId: string, ancestorId: string, areas: Map<string, { parentId?: string }>): boolean {
  const seen = new Set<string>();
  for (
    let current: string | undefined = areaId;
    current && !seen.has(current);
    current = areas.get(current)?.parentId
  ) {
    if (current === ancestorId) return true;
    seen.add(current);
  }
  return false;
}
