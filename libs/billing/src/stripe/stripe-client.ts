import Stripe from 'stripe';

/**
 * The Stripe API version every request names. Pinned: an upgrade of the SDK that changes it fails to
 * compile here (the SDK's types are those of its own version), and is then a deliberate change.
 */
export const STRIPE_API_VERSION = '2026-11-18.endive' satisfies Stripe.LatestApiVersion;

export interface StripeClientOptions {
  /** Another API address (tests, local fakes): the SDK's host, port and protocol. */
  apiUrl?: string;
  /** The SDK's own retries of a request that failed on the network or with 409/429/5xx. */
  maxNetworkRetries: number;
  timeoutMs: number;
}

/** A client for one secret key, pinned to STRIPE_API_VERSION. */
export function createStripeClient(secretKey: string, options: StripeClientOptions): Stripe {
  const address = options.apiUrl ? new URL(options.apiUrl) : undefined;
  return new Stripe(secretKey, {
    apiVersion: STRIPE_API_VERSION,
    maxNetworkRetries: options.maxNetworkRetries,
    timeout: options.timeoutMs,
    telemetry: false,
    appInfo: { name: 'Voltgrid CSMS' },
    ...(address
      ? {
          host: address.hostname,
          port: address.port || (address.protocol === 'https:' ? 443 : 80),
          protocol: address.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  });
}
