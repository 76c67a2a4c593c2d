import {
  ASSET_READING_ADDED,
  ASSETS_CHANGED,
  AssetReadingAddedEvent,
  AssetsChangedEvent,
} from '@csms/assets';
import { TenantId } from '@csms/common';
import { DomainEvent, EventBus, Unsubscribe } from '@csms/events';
import { SITE_AREA_CHANGED, SiteAreaChangedEvent } from '@csms/organizations';
import {
  CHARGING_STATION_BOOTED,
  CHARGING_STATION_PLACED,
  CONNECTOR_STATUS_CHANGED,
  ChargingStationBootedEvent,
  ChargingStationPlacedEvent,
  ChargingStationService,
  ConnectorStatusChangedEvent,
  STATION_TEMPLATE_APPLIED,
  StationTemplateAppliedEvent,
} from '@csms/stations';
import {
  CONSUMPTION_ADDED,
  ConsumptionAddedEvent,
  TRANSACTION_STARTED,
  TRANSACTION_STOPPED,
  TransactionEvent,
} from '@csms/transactions';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { SMART_CHARGING_PLAN_UPDATED, SmartChargingPlanUpdatedEvent } from '../events/smart-charging-events';
import { StationExclusionRepository } from '../exclusions/station-exclusion.repository';
import { limitAt } from '../planning/problem-builder';
import { SESSION_CAR_NOTED, SessionCarNotedEvent } from '../ports/session-car.port';
import { SmartChargingScheduler } from './smart-charging.scheduler';

/** A car drawing this much less than its limit frees power worth planning again for. */
const UNUSED_AMPS = 2;
/** A sticky-limited car drawing within this of its limit wants more. */
const WANTS_MORE_AMPS = 0.5;
/** As the meter tracker: a phase carrying at least this is in use. */
const PHASE_IN_USE_AMPS = 1;
/** As the planner: meter values this soon after a profile may not show the car's answer. */
const SETTLE_MS = 10_000;

interface Watched {
  siteAreaId: string;
  /** What it may draw now, per the last plan (its sticky limit when it has one). */
  limits: number[];
  startSchedule: Date;
  sticky: boolean;
  /** How many phases the plan counted it on: a car found drawing on fewer is planned again. */
  phases: number;
  /** Meter values before this may not show the car's answer to its profile yet. */
  settledAt: number;
  /** Sticky limitation is on for its tree: only then is unused power worth a run. */
  stickyLimitation: boolean;
  /** Reported once until the next plan: a car tapering does not trigger a run per meter value. */
  reported: boolean;
}

/**
 * What makes smart charging plan a tree again, each announced once in the cluster (by the instance
 * that saw it): a session starting or stopping, its car becoming known, a connector entering or
 * leaving SuspendedEV, an asset changing past its threshold or being edited, a site area edited, a
 * station placed, rebooted (a reboot also includes an excluded station again) or given its template,
 * and, from the meter values, a car leaving power unused or a sticky-limited car wanting more.
 */
@Injectable()
export class SmartChargingTriggers implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SmartChargingTriggers.name);
  private readonly watched = new Map<string, Watched>();
  private unsubscribers: Unsubscribe[] = [];

  constructor(
    private readonly events: EventBus,
    private readonly scheduler: SmartChargingScheduler,
    private readonly stations: ChargingStationService,
    private readonly exclusions: StationExclusionRepository,
  ) {}

  onModuleInit(): void {
    // A trigger that answers at once (each meter value's) costs no promise; one that reads, does.
    const own = <E extends DomainEvent>(type: E['type'], handler: (event: E) => Promise<void> | void) =>
      this.events.subscribeOwn<E>(type, (event) =>
        handler(event)?.catch((error: unknown) =>
          this.logger.error({ err: error, eventType: type }, 'Smart charging trigger failed'),
        ),
      );
    this.unsubscribers = [
      own<TransactionEvent>(TRANSACTION_STARTED, ({ tenantId, payload }) =>
        this.station(tenantId, payload.chargingStationId),
      ),
      // The session's car became known (chosen at remote start, or the driver's): plan with its limits.
      own<SessionCarNotedEvent>(SESSION_CAR_NOTED, ({ tenantId, payload }) =>
        this.station(tenantId, payload.chargingStationId),
      ),
      own<TransactionEvent>(TRANSACTION_STOPPED, ({ tenantId, payload }) => {
        this.watched.delete(`${tenantId}\u0000${payload.id}`);
        return this.station(tenantId, payload.chargingStationId);
      }),
      own<ConnectorStatusChangedEvent>(CONNECTOR_STATUS_CHANGED, ({ tenantId, payload }) => {
        const suspended = (status?: string) => status === 'SuspendedEV';
        if (suspended(payload.connector.status) !== suspended(payload.previousStatus)) {
          return this.station(tenantId, payload.chargingStationId);
        }
      }),
      own<AssetReadingAddedEvent>(ASSET_READING_ADDED, ({ tenantId, payload }) => {
        if (payload.significant) this.scheduler.schedule(tenantId, payload.siteAreaId);
      }),
      own<AssetsChangedEvent>(ASSETS_CHANGED, ({ tenantId, payload }) =>
        this.scheduler.schedule(tenantId, payload.siteAreaId),
      ),
      own<SiteAreaChangedEvent>(SITE_AREA_CHANGED, ({ tenantId, payload }) => {
        if (!payload.deleted) this.scheduler.schedule(tenantId, payload.siteArea.id);
      }),
      own<ChargingStationPlacedEvent>(CHARGING_STATION_PLACED, ({ tenantId, payload }) => {
        if (payload.siteAreaId) this.scheduler.schedule(tenantId, payload.siteAreaId);
      }),
      own<ChargingStationBootedEvent>(CHARGING_STATION_BOOTED, async ({ tenantId, payload }) => {
        if (await this.exclusions.include(tenantId, payload.chargingStationId)) {
          await this.station(tenantId, payload.chargingStationId);
        }
      }),
      // Its template may change what a plan gives it: its power, its phases, its unit (A or W).
      own<StationTemplateAppliedEvent>(STATION_TEMPLATE_APPLIED, ({ tenantId, payload }) =>
        this.station(tenantId, payload.chargingStationId),
      ),
      own<ConsumptionAddedEvent>(CONSUMPTION_ADDED, ({ tenantId, payload }) =>
        this.onConsumption(tenantId, payload),
      ),
      this.events.subscribe<SmartChargingPlanUpdatedEvent>(
        SMART_CHARGING_PLAN_UPDATED,
        ({ tenantId, payload }) => {
          for (const connector of payload.plan.connectors) {
            if (!connector.transactionId || !connector.sent) continue;
            this.watched.set(`${tenantId}\u0000${connector.transactionId}`, {
              siteAreaId: connector.siteAreaId,
              limits: connector.sent.limits,
              startSchedule: connector.sent.startSchedule,
              sticky: connector.stickyAmps !== undefined,
              phases: connector.gridPhases.length,
              settledAt: connector.sent.sentAt.getTime() + SETTLE_MS,
              stickyLimitation: payload.plan.stickyLimitation,
              reported: false,
            });
          }
        },
      ),
    ];
  }

  onModuleDestroy(): void {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
  }

  private async station(tenantId: TenantId, stationId: string): Promise<void> {
    const station = await this.stations.find(tenantId, stationId);
    if (station?.siteAreaId) this.scheduler.schedule(tenantId, station.siteAreaId);
  }

  /** Sticky limitation's two moments: power left unused, and a limited car wanting more. */
  private onConsumption(tenantId: TenantId, payload: ConsumptionAddedEvent['payload']): void {
    // Per meter value: no key string built while no session is watched (no smart charging here).
    if (!this.watched.size) return;
    const watched = this.watched.get(`${tenantId}\u0000${payload.transactionId}`);
    if (!watched || watched.reported) return;
    const { instantAmpsL1, instantAmpsL2, instantAmpsL3, timestamp } = payload.consumption;
    const phases = [instantAmpsL1, instantAmpsL2, instantAmpsL3].filter(
      (amps): amps is number => amps !== undefined,
    );
    if (phases.length === 0) return;
    const drawn = Math.max(...phases);
    const inUse = phases.filter((amps) => amps >= PHASE_IN_USE_AMPS).length;
    if (inUse > 0 && inUse !== watched.phases) {
      // The car draws on other phases than planned (a single-phase car, learnt now): plan it as it is.
      watched.reported = true;
      this.scheduler.schedule(tenantId, watched.siteAreaId);
      return;
    }
    if (!watched.stickyLimitation) return;
    const allowed = limitAt(watched.limits, watched.startSchedule, new Date(timestamp));
    if (allowed === undefined || allowed <= 0) return;
    const wantsMore = watched.sticky && drawn >= allowed - WANTS_MORE_AMPS;
    const settled = new Date(timestamp).getTime() >= watched.settledAt;
    const leavesUnused = !watched.sticky && settled && drawn < allowed - UNUSED_AMPS;
    if (wantsMore || leavesUnused) {
      watched.reported = true;
      this.scheduler.schedule(tenantId, watched.siteAreaId);
    }
  }
}
