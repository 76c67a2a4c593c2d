/**
 * PENDING: stored, on its way to Concur (retried while Concur is down). SUBMITTED: the report and
 * its entries are in Concur, awaiting approval. APPROVED: the approver accepted it. REJECTED: sent
 * back by the approver. CANCELLED: deleted in Concur. FAILED: Concur refused it, or the user's
 * connection is gone. The last three release the sessions: they may be refunded again.
 */
export type RefundStatus = 'PENDING' | 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'CANCELLED' | 'FAILED';

export const REFUND_STATUSES: readonly RefundStatus[] = [
  'PENDING',
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'CANCELLED',
  'FAILED',
];

/** Statuses under which a session is free to be refunded again. */
export const RELEASING_STATUSES: readonly RefundStatus[] = ['REJECTED', 'CANCELLED', 'FAILED'];

/** One session's line in the report, fixed when the refund is asked for. */
export interface RefundEntry {
  transactionId: string;
  amount: number;
  currency: string;
  /** YYYY-MM-DD in the site's time zone. */
  date: string;
  city?: string;
  chargingStationId: string;
  energyWh: number;
  /** Concur's entry id, once created (a retry skips it). */
  concurEntryId?: string;
}

export interface RefundReport {
  id: string;
  tenantId: string;
  userId: string;
  name: string;
  status: RefundStatus;
  entries: RefundEntry[];
  concurReportId?: string;
  /** Concur's approval status code, as last read. */
  concurStatus?: string;
  reason?: string;
  createdAt: Date;
  submittedAt?: Date;
  decidedAt?: Date;
}
