import { EventBus } from '@csms/events';
import { TRANSACTION_STARTED, TransactionEvent } from '@csms/transactions';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { CarService } from '../cars/car.service';
import { SessionCarRepository } from './session-car.repository';

/**
 * A session of a known driver takes their default car, off the station's path (the start is answered
 * already): what the session's charging may be limited to, and whose state of charge to read.
 */
@Injectable()
export class SessionCarListener implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(SessionCarListener.name);
  private unsubscribe?: () => void;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly events: EventBus,
    private readonly cars: CarService,
    private readonly sessionCars: SessionCarRepository,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribeOwn<TransactionEvent>(
      TRANSACTION_STARTED,
      ({ tenantId, payload }) => {
        if (!payload.userId) return;
        const userId = payload.userId;
        const run = this.cars
          .carForSession(tenantId, userId)
          .then((car) => (car ? this.sessionCars.put(tenantId, payload.id, car.id) : undefined))
          .catch((error: unknown) =>
            this.logger.error({ err: error, transactionId: payload.id }, 'Could not note the session’s car'),
          );
        this.pending.add(run);
        void run.finally(() => this.pending.delete(run));
      },
    );
  }

  async onModuleDestroy(): Promise<void> {
    this.unsubscribe?.();
    await this.whenIdle();
  }

  /** Resolves when the sessions started so far have their car (tests, shutdown). */
  async whenIdle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}
