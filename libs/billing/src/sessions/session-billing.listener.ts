import { EventBus, Unsubscribe } from '@csms/events';
import { JobQueue } from '@csms/database';
import { TRANSACTION_STOPPED, TransactionEvent } from '@csms/transactions';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { BillingSettingsService } from '../settings/billing-settings.service';
import { billedSessionOf } from './invoice-lines';
import { SESSION_BILLING_QUEUE } from './session-billing.job';

/**
 * A stopped session of a user, in a tenant that bills, becomes a stored billing job (keyed by the
 * session, so a repeated event is the same job). Listens to this instance's own events only: each
 * stop is enqueued once in a cluster. Never on the station's path: the event is handled after the
 * station's answer and the job runs in the background.
 */
@Injectable()
export class SessionBillingListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionBillingListener.name);
  private unsubscribe?: Unsubscribe;

  constructor(
    private readonly events: EventBus,
    private readonly settings: BillingSettingsService,
    private readonly jobs: JobQueue,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribeOwn<TransactionEvent>(TRANSACTION_STOPPED, (event) => {
      this.enqueue(event).catch((error: unknown) =>
        this.logger.error(
          { err: error, tenantId: event.tenantId, transactionId: event.payload.id },
          'Billing job not stored',
        ),
      );
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  private async enqueue(event: TransactionEvent): Promise<void> {
    const session = billedSessionOf(event.payload);
    if (!session) return;
    const settings = await this.settings.get(event.tenantId);
    if (!settings.enabled) return;
    await this.jobs.enqueue(event.tenantId, SESSION_BILLING_QUEUE, session, { key: session.transactionId });
  }
}
