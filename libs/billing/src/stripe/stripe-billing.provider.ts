import { APP_CONFIG, AppConfig } from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import {
  BillingGateway,
  BillingProvider,
  ProviderEvent,
  WebhookSignatureError,
} from '../provider/billing-provider.port';
import { createStripeClient } from './stripe-client';
import { toProviderEvent } from './stripe-mappers';
import { StripeGateway } from './stripe-gateway';

/** Clients kept per secret key (a tenant's), so that each keeps its connections. */
const MAX_CLIENTS = 1000;

/** Stripe behind the billing port: the official SDK, API version pinned (stripe-client.ts). */
@Injectable()
export class StripeBillingProvider extends BillingProvider {
  readonly name = 'stripe';
  private readonly clients = new Map<string, StripeGateway>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    super();
  }

  gateway(secretKey: string): BillingGateway {
    let gateway = this.clients.get(secretKey);
    if (!gateway) {
      if (this.clients.size >= MAX_CLIENTS) this.clients.clear();
      gateway = new StripeGateway(
        createStripeClient(secretKey, {
          apiUrl: this.config.BILLING_STRIPE_API_URL,
          maxNetworkRetries: this.config.BILLING_STRIPE_MAX_NETWORK_RETRIES,
          timeoutMs: this.config.BILLING_STRIPE_TIMEOUT_MS,
        }),
      );
      this.clients.set(secretKey, gateway);
    }
    return gateway;
  }

  isSecretKey(secretKey: string): boolean {
    return /^(sk|rk)_(test|live)_[A-Za-z0-9]{8,}$/.test(secretKey);
  }

  isPublicKey(publicKey: string): boolean {
    return /^pk_(test|live)_[A-Za-z0-9]{8,}$/.test(publicKey);
  }

  isLiveKey(key: string): boolean {
    return /^(sk|rk|pk)_live_/.test(key);
  }

  verifyWebhook(payload: Buffer, signature: string | undefined, secret: string): ProviderEvent {
    if (!signature) throw new WebhookSignatureError('No Stripe-Signature header');
    let event: Stripe.Event;
    try {
      event = Stripe.webhooks.constructEvent(payload, signature, secret);
    } catch (error) {
      throw new WebhookSignatureError(error instanceof Error ? error.message : String(error));
    }
    return toProviderEvent(event);
  }
}
