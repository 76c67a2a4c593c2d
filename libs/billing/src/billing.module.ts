import { SessionPrerequisites } from '@csms/transactions';
import { Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { BillingAccountRepository } from './accounts/billing-account.repository';
import { BillingAccountResolver } from './accounts/billing-account.resolver';
import { BillingAccountService } from './accounts/billing-account.service';
import { BillingAccountDocument, BillingAccountSchema } from './accounts/schemas/billing-account.schema';
import { ConnectedAccountRepository } from './connect/connected-account.repository';
import { ConnectedAccountResolver } from './connect/connected-account.resolver';
import { ConnectedAccountService } from './connect/connected-account.service';
import { ConnectedAccountDocument, ConnectedAccountSchema } from './connect/schemas/connected-account.schema';
import { InvoicePayments } from './invoices/invoice-payments';
import { Invoicing } from './invoices/invoicing';
import { InvoiceRepository } from './invoices/invoice.repository';
import { InvoiceResolver } from './invoices/invoice.resolver';
import { InvoiceDocument, InvoiceSchema } from './invoices/schemas/invoice.schema';
import { TaxRateDocument, TaxRateSchema } from './invoices/tax-rates/schemas/tax-rate.schema';
import { TaxRates } from './invoices/tax-rates/tax-rates';
import { PeriodicBillingJob } from './periodic/periodic-billing.job';
import { UpcomingInvoices } from './periodic/upcoming-invoice';
import { UpcomingInvoiceResolver } from './periodic/upcoming-invoice.resolver';
import { BillingPrerequisites } from './prerequisites/billing-prerequisites';
import { BillingProvider } from './provider/billing-provider.port';
import { SessionBillingDocument, SessionBillingSchema } from './sessions/schemas/session-billing.schema';
import { LostStopReconciliation } from './sessions/lost-stop-reconciliation';
import { SessionBillingJob } from './sessions/session-billing.job';
import { SessionBillingListener } from './sessions/session-billing.listener';
import { SessionBillingRepository } from './sessions/session-billing.repository';
import { TransactionBillingResolver } from './sessions/transaction-billing.resolver';
import { BillingSettingsRepository } from './settings/billing-settings.repository';
import { BillingSettingsResolver } from './settings/billing-settings.resolver';
import { BillingSettingsService } from './settings/billing-settings.service';
import { BillingSettingsDocument, BillingSettingsSchema } from './settings/schemas/billing-settings.schema';
import { StripeBillingProvider } from './stripe/stripe-billing.provider';
import { BillingTransferResolver } from './transfers/billing-transfer.resolver';
import { SessionTransferDocument, SessionTransferSchema } from './transfers/schemas/session-transfer.schema';
import { LostTransferReconciliation } from './transfers/lost-transfer-reconciliation';
import { SessionTransferJob } from './transfers/session-transfer.job';
import { SessionTransferListener } from './transfers/session-transfer.listener';
import { SessionTransferRepository } from './transfers/session-transfer.repository';
import { HandledEvents } from './webhooks/handled-events';
import { WebhookEventDocument, WebhookEventSchema } from './webhooks/schemas/webhook-event.schema';
import { StripeWebhookController } from './webhooks/stripe-webhook.controller';
import { WebhookEventJob } from './webhooks/webhook-event.job';

/**
 * Billing through a payment provider (Stripe behind BillingProvider): tenant settings, customers and
 * cards, the billing prerequisites of a session (SessionPrerequisites, global so that transactions
 * finds it), per-session invoices through persistent jobs, and their local copy; Stripe Connect
 * accounts of companies and sites, and transfers of paid sessions to them, less the platform fee.
 */
@Global()
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: BillingSettingsDocument.name, schema: BillingSettingsSchema },
      { name: BillingAccountDocument.name, schema: BillingAccountSchema },
      { name: SessionBillingDocument.name, schema: SessionBillingSchema },
      { name: InvoiceDocument.name, schema: InvoiceSchema },
      { name: TaxRateDocument.name, schema: TaxRateSchema },
      { name: WebhookEventDocument.name, schema: WebhookEventSchema },
      { name: ConnectedAccountDocument.name, schema: ConnectedAccountSchema },
      { name: SessionTransferDocument.name, schema: SessionTransferSchema },
    ]),
  ],
  controllers: [StripeWebhookController],
  providers: [
    { provide: BillingProvider, useClass: StripeBillingProvider },
    BillingSettingsRepository,
    BillingSettingsService,
    BillingSettingsResolver,
    BillingAccountRepository,
    BillingAccountService,
    BillingAccountResolver,
    BillingPrerequisites,
    { provide: SessionPrerequisites, useExisting: BillingPrerequisites },
    SessionBillingRepository,
    SessionBillingJob,
    SessionBillingListener,
    LostStopReconciliation,
    TransactionBillingResolver,
    InvoiceRepository,
    InvoicePayments,
    Invoicing,
    PeriodicBillingJob,
    UpcomingInvoices,
    UpcomingInvoiceResolver,
    InvoiceResolver,
    TaxRates,
    HandledEvents,
    WebhookEventJob,
    ConnectedAccountRepository,
    ConnectedAccountService,
    ConnectedAccountResolver,
    SessionTransferRepository,
    SessionTransferJob,
    SessionTransferListener,
    LostTransferReconciliation,
    BillingTransferResolver,
  ],
  exports: [SessionPrerequisites, BillingSettingsService, BillingAccountService],
})
export class BillingModule {}
