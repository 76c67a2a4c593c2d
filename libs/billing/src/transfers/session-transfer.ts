/**
 * WAITING: the destination account cannot receive transfers yet (onboarding): sent once it can;
 * PENDING: on its way; TRANSFERRED: the provider made it; NOT_TRANSFERRED: nothing to send (no account
 * for the site or its company, or the fee covers the session); FAILED: the provider refused it.
 */
export type SessionTransferStatus = 'WAITING' | 'PENDING' | 'TRANSFERRED' | 'NOT_TRANSFERRED' | 'FAILED';

/** What a paid session pays out to the connected account of its site (or company), after the platform fee. */
export interface SessionTransfer {
  /** The session's transaction id. */
  transactionId: string;
  tenantId: string;
  invoiceId: string;
  status: SessionTransferStatus;
  reason?: string;
  accountId?: string;
  currency?: string;
  /** What the driver paid for the session, tax included, in currency units. */
  collected?: number;
  platformFee?: number;
  /** collected − platformFee. */
  amount?: number;
  /** The provider's transfer id, once made. */
  transferId?: string;
  /** Attempts the provider refused (they made nothing): the next attempt is a new request. */
  refusals: number;
  createdAt?: Date;
  updatedAt?: Date;
}

export const SETTLED_TRANSFER_STATUSES: readonly SessionTransferStatus[] = ['TRANSFERRED', 'NOT_TRANSFERRED'];
