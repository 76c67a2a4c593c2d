import { EventBus, Unsubscribe } from '@csms/events';
import { JobQueue } from '@csms/database';
import { TRANSACTION_STOPPED, TransactionEvent } from '@csms/transactions';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { BillingSettingsService } from '../settings/billing-settings.service';
import { BilledSession } from './invoice-lines';
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
    const transaction = event.payload;
    if (!transaction.userId || !transaction.stoppedAt) return;
    const settings = await this.settings.get(event.tenantId);
    if (!settings.enabled) return;
    const session: BilledSession = {
      transactionId: transaction.id,
      userId: transaction.userId,
      chargingStationId: transaction.chargingStationId,
      startedAt: transaction.startedAt,
      stoppedAt: transaction.stoppedAt,
      energyWh: transaction.energyWh,
      price: transaction.price,
    };
    await this.jobs.enqueue(event.tenantId, SESSION_BILLING_QUEUE, session, { key: transaction.id });
  }
}
