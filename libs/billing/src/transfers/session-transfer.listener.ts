import { EventBus, Unsubscribe } from '@csms/events';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ConnectedAccountService } from '../connect/connected-account.service';
import { INVOICE_UPDATED, InvoiceUpdatedEvent } from '../invoices/invoice-events';
import { SessionTransferJob } from './session-transfer.job';

/**
 * A paid invoice's sessions, in a tenant with connected accounts, become transfer jobs (one per
 * session, keyed by it). This instance's own events only: each payment is seen once in a cluster.
 */
@Injectable()
export class SessionTransferListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionTransferListener.name);
  private unsubscribe?: Unsubscribe;

  constructor(
    private readonly events: EventBus,
    private readonly connect: ConnectedAccountService,
    private readonly transfers: SessionTransferJob,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribeOwn<InvoiceUpdatedEvent>(INVOICE_UPDATED, (event) => {
      if (event.payload.status !== 'paid') return;
      this.enqueue(event).catch((error: unknown) =>
        this.logger.error(
          { err: error, tenantId: event.tenantId, invoiceId: event.payload.id },
          'Transfer jobs not stored',
        ),
      );
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private async enqueue(event: InvoiceUpdatedEvent): Promise<void> {
    if (!(await this.connect.hasAccounts(event.tenantId))) return;
    for (const transactionId of event.payload.transactionIds) {
      await this.transfers.request(event.tenantId, { transactionId, invoiceId: event.payload.id });
    }
  }
}
