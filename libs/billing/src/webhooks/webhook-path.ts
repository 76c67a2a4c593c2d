/** Where Stripe posts a tenant's events (configure it in the Stripe dashboard with the signing secret). */
export const WEBHOOK_ROUTE = 'billing/stripe/webhook/:tenant';

export function webhookPathOf(tenantId: string): string {
  return `/billing/stripe/webhook/${encodeURIComponent(tenantId)}`;
}
