import { ProviderPaymentMethod } from '../provider/billing-provider.port';

/** A user as billing knows them: their customer at the provider and their cards, kept here. */
export interface BillingAccount {
  userId: string;
  tenantId: string;
  customerId?: string;
  /** Fingerprint of the key the customer was created with (another key may be another account). */
  providerAccount?: string;
  /** Bumped when the customer is gone, so that a new one is not the old one's idempotent replay. */
  customerGeneration: number;
  /** Users with free access are never billed nor asked for a card. */
  freeAccess: boolean;
  /** The cards as the provider last told, so that Authorize and StartTransaction never wait for it. */
  paymentMethods: ProviderPaymentMethod[];
  paymentMethodsSyncedAt?: Date;
}
