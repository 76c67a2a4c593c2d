import { TenantId } from '@csms/common';
import { EventBus } from '@csms/events';
import { ConsumptionRepository, TRANSACTION_STOPPED, TransactionEvent } from '@csms/transactions';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { sessionFactOf } from '../facts/session-fact.builder';
import { SessionPlaceResolver } from '../facts/session-place.resolver';
import { StatisticsRollupService } from './statistics-rollup.service';

/**
 * A session that stops (again, when a late StopTransaction corrects one closed by housekeeping)
 * becomes a fact and updates the rollups, off the station's path: once in the cluster, on the
 * instance that published it.
 */
@Injectable()
export class SessionEndedListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionEndedListener.name);
  private unsubscribe?: () => void;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly events: EventBus,
    private readonly places: SessionPlaceResolver,
    private readonly consumptions: ConsumptionRepository,
    private readonly rollups: StatisticsRollupService,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribeOwn<TransactionEvent>(TRANSACTION_STOPPED, (event) => {
      const run = this.handle(event.tenantId, event.payload).catch((error: unknown) =>
        this.logger.error({ err: error, transactionId: event.payload.id }, 'Could not update statistics'),
      );
      this.pending.add(run);
      void run.finally(() => this.pending.delete(run));
    });
  }

  /** Before the database closes: sessions stopped just before shutdown are still counted. */
  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await this.whenIdle();
  }

  /** Resolves when the sessions stopped so far are counted (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  private async handle(tenantId: TenantId, transaction: TransactionEvent['payload']): Promise<void> {
    const [place, curves] = await Promise.all([
      this.places.placeOf(tenantId, transaction.chargingStationId),
      this.consumptions.findForTransactions(tenantId, [transaction.id]),
    ]);
    const fact = sessionFactOf(transaction, place, curves.get(transaction.id) ?? []);
    if (fact) await this.rollups.record(tenantId, fact);
  }
}
