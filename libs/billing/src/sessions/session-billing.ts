import { PlannedLine } from './invoice-lines';

/**
 * unbilled: billing left it (free, not priced, billing off); pending: on its way to an invoice (or
 * waiting for the month's); billed: its invoice is paid; failed: the payment failed or the provider
 * refused (the invoice stays open and is charged again).
 */
export type SessionBillingStatus = 'unbilled' | 'pending' | 'billed' | 'failed';

/** A stopped session as billing tracks it: its lines, their invoice items, its invoice. */
export interface SessionBilling {
  transactionId: string;
  tenantId: string;
  userId: string;
  /** Where it was charged: a Connect transfer goes to the account of the station's site or company. */
  chargingStationId?: string;
  status: SessionBillingStatus;
  /** Why it is unbilled or failed. */
  reason?: string;
  currency?: string;
  /** When the session stopped: a monthly invoice gathers the sessions of the months before. */
  stoppedAt?: Date;
  lines: PlannedLine[];
  /** The provider's invoice item of each line, by dimension, once created. */
  itemIds: Record<string, string>;
  invoiceId?: string;
  updatedAt?: Date;
}
