import { TenantId } from '@csms/common';
import { Transaction } from '@csms/transactions';
import { RoamingChargingPeriod, RoamingPrice } from './roaming-session';

export interface SessionCost {
  currency: string;
  totalCost?: RoamingPrice;
  /** Every period so far, from the start. */
  chargingPeriods: RoamingChargingPeriod[];
}

/** What a session costs so far, by our pricing (the tariff frozen on the session). */
export abstract class RoamingSessionCost {
  abstract costOf(tenantId: TenantId, transaction: Transaction): Promise<SessionCost>;
}
