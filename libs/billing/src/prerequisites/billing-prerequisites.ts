import { TenantId } from '@csms/common';
import {
  BillingRefusalReason,
  FrontendLinks,
  NotificationService,
  NotificationType,
  RecipientDirectory,
} from '@csms/notifications';
import { PrerequisiteQuery, SessionPrerequisites } from '@csms/transactions';
import { Injectable, Logger } from '@nestjs/common';
import { BillingAccountService } from '../accounts/billing-account.service';
import { ProviderPaymentMethod } from '../provider/billing-provider.port';
import { incompleteSettings } from '../settings/billing-settings';
import { BillingSettingsService } from '../settings/billing-settings.service';

const REASON_TEXT: Record<BillingRefusalReason, string> = {
  NO_PAYMENT_METHOD: 'the driver has no payment method',
  CARD_EXPIRED: 'the driver’s card has expired',
  BILLING_NOT_READY: 'billing is enabled but cannot run (settings incomplete)',
};

/** A card is valid through the last day of its expiry month. */
export function isExpired(method: ProviderPaymentMethod, now: Date): boolean {
  if (!method.expYear || !method.expMonth) return false;
  const year = now.getUTCFullYear();
  return method.expYear < year || (method.expYear === year && method.expMonth < now.getUTCMonth() + 1);
}

/**
 * Billing's part of admitting a session: in a tenant that bills, the badge's owner must be able to
 * pay (a default card, not expired), unless they have free access. Reads only the short-lived caches
 * of settings and accounts (the cards as last synchronized), never the provider. A badge of nobody
 * bills nobody and passes; roaming tokens never come here.
 */
@Injectable()
export class BillingPrerequisites extends SessionPrerequisites {
  private readonly logger = new Logger(BillingPrerequisites.name);

  constructor(
    private readonly settings: BillingSettingsService,
    private readonly accounts: BillingAccountService,
    private readonly recipients: RecipientDirectory,
    private readonly notifications: NotificationService,
    private readonly links: FrontendLinks,
  ) {
    super();
  }

  async refusal(tenantId: TenantId, query: PrerequisiteQuery): Promise<string | null> {
    const settings = await this.settings.get(tenantId);
    if (!settings.enabled || !query.userId) return null;
    const account = await this.accounts.account(tenantId, query.userId);
    if (account.freeAccess) return null;
    const reason = this.reasonOf(incompleteSettings(settings) !== null, account.paymentMethods);
    if (!reason) return null;
    this.tell(tenantId, query.userId, query.stationId, reason).catch((error: unknown) =>
      this.logger.warn({ err: error, tenantId }, 'Could not notify a driver refused by billing'),
    );
    return `${reason}: ${REASON_TEXT[reason]}`;
  }

  private reasonOf(notReady: boolean, methods: ProviderPaymentMethod[]): BillingRefusalReason | null {
    if (notReady) return 'BILLING_NOT_READY';
    const card = methods.find((method) => method.isDefault);
    if (!card) return 'NO_PAYMENT_METHOD';
    return isExpired(card, new Date()) ? 'CARD_EXPIRED' : null;
  }

  private async tell(
    tenantId: TenantId,
    userId: string,
    chargingStationId: string,
    reason: BillingRefusalReason,
  ): Promise<void> {
    const recipient = await this.recipients.findRecipient(tenantId, userId);
    if (!recipient) return;
    this.notifications.notify(recipient, NotificationType.BILLING_SESSION_REFUSED, {
      chargingStationId,
      reason,
      link: this.links.to(tenantId, '/billing/payment-methods'),
    });
  }
}
