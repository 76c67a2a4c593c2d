import { TenantId } from '@csms/common';
import { OcpiCdrPricing, Tariff } from '@csms/pricing';
import { Transaction } from '@csms/transactions';
import { RoamingChargingPeriod, RoamingPrice } from './roaming-session';

export interface SessionCost {
  currency: string;
  totalCost?: RoamingPrice;
  /** Every period so far, from the start. */
  chargingPeriods: RoamingChargingPeriod[];
  /** The tariff frozen on the session (none: no tariff applied, the session is free). */
  tariff?: Tariff;
  /** The priced part of the session's CDR (periods, totals and cost per dimension, OCPI 2.2.1 form). */
  cdr: OcpiCdrPricing;
}

/** What a session costs so far, by our pricing (the tariff frozen on the session). */
export abstract class RoamingSessionCost {
  abstract costOf(tenantId: TenantId, transaction: Transaction): Promise<SessionCost>;
}
