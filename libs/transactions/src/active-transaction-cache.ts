import { TenantId } from '@csms/common';
import { SessionPricer } from '@csms/pricing';
import { Injectable } from '@nestjs/common';
import { PreviousReading } from './consumptions/consumption-math';
import { Transaction } from './models/transaction.model';

/** An open session as the hot path needs it: the transaction and its last curve point. */
export interface ActiveSession {
  transaction: Transaction;
  last?: PreviousReading;
  /** The smart-charging limit in force, when one is known. */
  limitWatts?: number;
  /** Prices each new point from the frozen tariff (priced sessions only). */
  pricer?: SessionPricer;
  /** The cumulated amount of the last point, to give the next one its own amount. */
  lastAmount?: number;
}

/**
 * Open sessions by station and the id the station uses, so MeterValues need no database read. Filled at
 * StartTransaction (or on the first MeterValues after a restart) and emptied at stop.
 */
@Injectable()
export class ActiveTransactionCache {
  private readonly sessions = new Map<string, ActiveSession>();

  get(tenantId: TenantId, stationId: string, ocppTransactionId: string): ActiveSession | undefined {
    return this.sessions.get(this.key(tenantId, stationId, ocppTransactionId));
  }

  set(tenantId: TenantId, session: ActiveSession): ActiveSession {
    const { chargingStationId, ocppTransactionId } = session.transaction;
    this.sessions.set(this.key(tenantId, chargingStationId, ocppTransactionId), session);
    return session;
  }

  evict(tenantId: TenantId, stationId: string, ocppTransactionId: string): void {
    this.sessions.delete(this.key(tenantId, stationId, ocppTransactionId));
  }

  /** The open sessions of one station (a handful): for changes that apply station-wide. */
  ofStation(tenantId: TenantId, stationId: string): ActiveSession[] {
    const prefix = `${tenantId}\u0000${stationId}\u0000`;
    return [...this.sessions].filter(([key]) => key.startsWith(prefix)).map(([, session]) => session);
  }

  get size(): number {
    return this.sessions.size;
  }

  private key(tenantId: TenantId, stationId: string, ocppTransactionId: string): string {
    return `${tenantId}\u0000${stationId}\u0000${ocppTransactionId}`;
  }
}
