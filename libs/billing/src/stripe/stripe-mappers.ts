import Stripe from 'stripe';
import {
  ProviderEvent,
  ProviderInvoice,
  ProviderInvoiceStatus,
  ProviderPaymentMethod,
} from '../provider/billing-provider.port';

const INVOICE_STATUSES: readonly ProviderInvoiceStatus[] = ['draft', 'open', 'paid', 'void', 'uncollectible'];

function idOf(value: string | { id: string } | null | undefined): string | undefined {
  if (!value) return undefined;
  return typeof value === 'string' ? value : value.id;
}

function metadataOf(metadata: Stripe.Metadata | null | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata ?? {}).map(([key, value]) => [key, String(value)]));
}

function dateOf(seconds: number | null | undefined): Date | undefined {
  return typeof seconds === 'number' ? new Date(seconds * 1000) : undefined;
}

/**
 * The charge that paid an invoice: its payments (API versions since 2025), or `charge` as older
 * versions and fakes still send it.
 */
function chargeOf(invoice: Stripe.Invoice): string | undefined {
  const legacy = (invoice as unknown as { charge?: string | { id: string } | null }).charge;
  if (legacy) return idOf(legacy);
  for (const record of invoice.payments?.data ?? []) {
    const charge = idOf(record.payment?.charge);
    if (charge) return charge;
    const intent = record.payment?.payment_intent;
    if (intent && typeof intent !== 'string') {
      const latest = idOf(intent.latest_charge);
      if (latest) return latest;
    }
  }
  return undefined;
}

export function toProviderInvoice(
  invoice: Stripe.Invoice,
  lines = invoice.lines?.data ?? [],
): ProviderInvoice {
  const status = INVOICE_STATUSES.includes(invoice.status as ProviderInvoiceStatus)
    ? (invoice.status as ProviderInvoiceStatus)
    : 'draft';
  return {
    id: invoice.id,
    customerId: idOf(invoice.customer),
    number: invoice.number ?? undefined,
    status,
    currency: (invoice.currency ?? '').toUpperCase(),
    totalMinor: invoice.total,
    amountPaidMinor: invoice.amount_paid ?? 0,
    attemptCount: invoice.attempt_count ?? 0,
    createdAt: dateOf(invoice.created) ?? new Date(),
    paidAt: dateOf(invoice.status_transitions?.paid_at),
    pdfUrl: invoice.invoice_pdf ?? undefined,
    hostedUrl: invoice.hosted_invoice_url ?? undefined,
    chargeId: chargeOf(invoice),
    lines: lines.map((line) => ({
      id: line.id,
      amountMinor: line.amount,
      description: line.description ?? undefined,
      metadata: metadataOf(line.metadata),
    })),
    metadata: metadataOf(invoice.metadata),
  };
}

export function toProviderPaymentMethod(
  method: Stripe.PaymentMethod,
  defaultId: string | undefined,
): ProviderPaymentMethod {
  return {
    id: method.id,
    type: method.type,
    brand: method.card?.brand ?? undefined,
    last4: method.card?.last4 ?? undefined,
    expMonth: method.card?.exp_month ?? undefined,
    expYear: method.card?.exp_year ?? undefined,
    isDefault: method.id === defaultId,
  };
}

/** The parts of a verified event billing reacts to; the object is read again from Stripe when needed. */
export function toProviderEvent(event: Stripe.Event): ProviderEvent {
  const object = event.data.object as unknown as Record<string, unknown>;
  const previous = (event.data.previous_attributes ?? {}) as Record<string, unknown>;
  const asId = (value: unknown): string | undefined =>
    typeof value === 'string' ? value : idOf(value as { id: string } | null | undefined);
  const objectType = typeof object.object === 'string' ? object.object : undefined;
  const status = typeof object.status === 'string' ? object.status : undefined;
  return {
    id: event.id,
    type: event.type,
    createdAt: new Date(event.created * 1000),
    objectId: asId(object.id),
    customerId: objectType === 'customer' ? asId(object.id) : asId(object.customer),
    previousCustomerId: asId(previous.customer),
    paymentMethodId: objectType === 'payment_method' ? asId(object.id) : asId(object.payment_method),
    invoiceStatus:
      objectType === 'invoice' && INVOICE_STATUSES.includes(status as ProviderInvoiceStatus)
        ? (status as ProviderInvoiceStatus)
        : undefined,
  };
}
