import { ProviderInvoiceStatus } from '../provider/billing-provider.port';

export interface InvoiceLine {
  description?: string;
  /** Excluding tax, in currency units. */
  amount: number;
  transactionId?: string;
  dimension?: string;
}

/** The local copy of a provider invoice: what drivers and admins are shown without asking Stripe. */
export interface Invoice {
  /** The provider's invoice id. */
  id: string;
  tenantId: string;
  userId: string;
  customerId: string;
  number?: string;
  status: ProviderInvoiceStatus;
  /** Total with tax, in currency units. */
  amount: number;
  currency: string;
  createdAt: Date;
  paidAt?: Date;
  downloadUrl?: string;
  transactionIds: string[];
  lines: InvoiceLine[];
  /** Our payment attempts so far, and why the last one failed. */
  paymentAttempts: number;
  lastPaymentError?: string;
  lastPaymentAttemptAt?: Date;
}
