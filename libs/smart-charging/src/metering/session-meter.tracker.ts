import { deleteInner, innerMap, TenantId } from '@csms/common';
import { EventBus, Unsubscribe } from '@csms/events';
import {
  CONSUMPTION_ADDED,
  Consumption,
  ConsumptionAddedEvent,
  TRANSACTION_STOPPED,
  TransactionEvent,
} from '@csms/transactions';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';

/** A phase carries the car when it draws at least this, A. */
const PHASE_IN_USE_AMPS = 1;

/** What the meter values of one session have shown so far. */
export interface SessionMeter {
  chargingStationId: string;
  connectorId: number;
  at: Date;
  /** Per connector phase, A (undefined: not measured). */
  phaseAmps: [number | undefined, number | undefined, number | undefined];
  totalAmps?: number;
  stateOfCharge?: number;
  /** Connector phases (1..3) carrying current in the last sample that had any. */
  phasesSeen: ReadonlySet<number>;
}

/** The phases of a session whose meter has not shown current on any (shared: never changed). */
const NO_PHASES: ReadonlySet<number> = new Set();

/**
 * Keeps, in memory and on every instance (the bus delivers every ConsumptionAdded everywhere), the
 * last electrical state of each open session: currents per phase, state of charge, and the phases
 * learnt from them. Planning reads it without a database round-trip; after a restart a session's
 * last curve point stands in until its next meter value.
 */
@Injectable()
export class SessionMeterTracker implements OnModuleInit, OnModuleDestroy {
  /** By tenant, then session id: a meter value finds its session without a key string. */
  private readonly sessions = new Map<TenantId, Map<string, SessionMeter>>();
  private unsubscribers: Unsubscribe[] = [];

  constructor(private readonly events: EventBus) {}

  onModuleInit(): void {
    this.unsubscribers = [
      this.events.subscribe<ConsumptionAddedEvent>(CONSUMPTION_ADDED, ({ tenantId, payload }) => {
        this.record(
          tenantId,
          payload.transactionId,
          payload.chargingStationId,
          payload.connectorId,
          payload.consumption,
        );
      }),
      this.events.subscribe<TransactionEvent>(TRANSACTION_STOPPED, ({ tenantId, payload }) => {
        deleteInner(this.sessions, tenantId, payload.id);
      }),
    ];
  }

  onModuleDestroy(): void {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
  }

  get(tenantId: TenantId, transactionId: string): SessionMeter | undefined {
    return this.sessions.get(tenantId)?.get(transactionId);
  }

  /** Records a curve point (from the bus, or read back from the database after a restart). */
  record(
    tenantId: TenantId,
    transactionId: string,
    chargingStationId: string,
    connectorId: number,
    point: Consumption,
  ): SessionMeter {
    const ofTenant = innerMap(this.sessions, tenantId);
    const known = ofTenant.get(transactionId);
    const at = point.timestamp;
    if (known && known.at.getTime() > at.getTime()) return known;
    const phaseAmps: SessionMeter['phaseAmps'] = [
      point.instantAmpsL1,
      point.instantAmpsL2,
      point.instantAmpsL3,
    ];
    // The phases of the last sample with current: a car moved to another phase (2.0.1 phaseToUse)
    // is where it draws now; a paused car keeps the phases it drew on. This runs per meter value:
    // a set is made only when some phase carries current.
    let inUse: Set<number> | undefined;
    for (let index = 0; index < phaseAmps.length; index++) {
      const amps = phaseAmps[index];
      if (amps !== undefined && amps >= PHASE_IN_USE_AMPS) (inUse ??= new Set()).add(index + 1);
    }
    // A meter's set is never changed once made: the next one may share it.
    const phasesSeen = inUse ?? known?.phasesSeen ?? NO_PHASES;
    const meter: SessionMeter = {
      chargingStationId,
      connectorId,
      at,
      phaseAmps,
      totalAmps: point.instantAmps,
      stateOfCharge: point.stateOfCharge ?? known?.stateOfCharge,
      phasesSeen,
    };
    ofTenant.set(transactionId, meter);
    return meter;
  }

  /** Every tracked session of these stations (the load curve). */
  ofStations(tenantId: TenantId, stationIds: ReadonlySet<string>): Map<string, SessionMeter> {
    const found = new Map<string, SessionMeter>();
    for (const [transactionId, meter] of this.sessions.get(tenantId) ?? []) {
      if (stationIds.has(meter.chargingStationId)) found.set(transactionId, meter);
    }
    return found;
  }
}
