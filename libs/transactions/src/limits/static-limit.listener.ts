import { TenantId } from '@csms/common';
import { EventBus, Unsubscribe } from '@csms/events';
import {
  STATIC_LIMITS_CHANGED,
  StaticLimitsChangedEvent,
  StationLimitService,
  limitWattsInForce,
} from '@csms/stations';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ActiveTransactionCache } from '../active-transaction-cache';
import { TRANSACTION_STARTED, TransactionEvent } from '../events/transaction-events';

/**
 * Puts the static limits in force on a station (libs/stations limits) on its sessions' next curve
 * points: when a limit changes, and when a session starts under one. Only this instance's open
 * sessions (the in-memory cache) are touched: the instance holding a session is the one that sees
 * its meter values. A session reloaded after a restart goes without it until the next change.
 */
@Injectable()
export class StaticLimitListener implements OnModuleInit, OnModuleDestroy {
  private readonly unsubscribers: Unsubscribe[] = [];

  constructor(
    private readonly active: ActiveTransactionCache,
    private readonly events: EventBus,
    private readonly stationLimits: StationLimitService,
  ) {}

  onModuleInit(): void {
    this.unsubscribers.push(
      this.events.subscribe<StaticLimitsChangedEvent>(STATIC_LIMITS_CHANGED, ({ tenantId, payload }) => {
        for (const session of this.active.ofStation(tenantId, payload.chargingStationId)) {
          session.limitWatts = limitWattsInForce(payload.limits, session.transaction.connectorId);
        }
      }),
      // Published by the instance holding the station, which is the one caching the session.
      this.events.subscribeOwn<TransactionEvent>(TRANSACTION_STARTED, ({ tenantId, payload }) =>
        this.onStarted(tenantId, payload.chargingStationId, payload.ocppTransactionId),
      ),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
  }

  private async onStarted(tenantId: TenantId, stationId: string, ocppTransactionId: string): Promise<void> {
    if (!this.active.get(tenantId, stationId, ocppTransactionId)) return;
    const limits = (await this.stationLimits.limitsOf(tenantId, [stationId])).get(stationId) ?? [];
    if (limits.length === 0) return;
    // Read again: the session may have stopped while the limits were read.
    const session = this.active.get(tenantId, stationId, ocppTransactionId);
    if (session) session.limitWatts = limitWattsInForce(limits, session.transaction.connectorId);
  }
}
