import { DomainEvent } from '@csms/events';
import { Invoice } from './invoice';

/** An invoice's local copy changed (created, paid, payment failed, changed at Stripe). */
export const INVOICE_UPDATED = 'InvoiceUpdated';
export type InvoiceUpdatedEvent = DomainEvent<typeof INVOICE_UPDATED, Invoice>;
