import { deleteInner, innerMap, TenantId } from '@csms/common';
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
  /** By tenant, station and the station's transaction id: no key is built per MeterValues. */
  private readonly byTenant = new Map<TenantId, Map<string, Map<string, ActiveSession>>>();

  get(tenantId: TenantId, stationId: string, ocppTransactionId: string): ActiveSession | undefined {
    return this.byTenant.get(tenantId)?.get(stationId)?.get(ocppTransactionId);
  }

  set(tenantId: TenantId, session: ActiveSession): ActiveSession {
    const { chargingStationId, ocppTransactionId } = session.transaction;
    innerMap(innerMap(this.byTenant, tenantId), chargingStationId).set(ocppTransactionId, session);
    return session;
  }

  evict(tenantId: TenantId, stationId: string, ocppTransactionId: string): void {
    const stations = this.byTenant.get(tenantId);
    if (stations && deleteInner(stations, stationId, ocppTransactionId) && !stations.size) {
      this.byTenant.delete(tenantId);
    }
  }

  /** The open sessions of one station (a handful): for changes that apply station-wide. */
  ofStation(tenantId: TenantId, stationId: string): ActiveSession[] {
    return [...(this.byTenant.get(tenantId)?.get(stationId)?.values() ?? [])];
  }
}
