import { TenantId } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { SESSION_CAR_NOTED, SessionCarNotedEvent } from '@csms/smart-charging';
import { TRANSACTION_STARTED, Transaction, TransactionEvent } from '@csms/transactions';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Car } from '../cars/car';
import { CarService } from '../cars/car.service';
import { CarSocFollower } from '../connector/soc/car-soc.follower';
import { RemoteStartCarRepository } from './remote-start-car.repository';
import { SessionCarRepository } from './session-car.repository';

/**
 * A session of a known driver takes the car chosen at its remote start, else their default car, off
 * the station's path (the start is answered already): what the session's charging may be limited to
 * (smart charging hears of it), and whose state of charge to read.
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
    private readonly choices: RemoteStartCarRepository,
    private readonly socFollower: CarSocFollower,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribeOwn<TransactionEvent>(
      TRANSACTION_STARTED,
      ({ tenantId, payload }) => {
        if (!payload.userId) return;
        const run = this.note(tenantId, payload, payload.userId).catch((error: unknown) =>
          this.logger.error({ err: error, transactionId: payload.id }, 'Could not note the session’s car'),
        );
        this.pending.add(run);
        void run.finally(() => this.pending.delete(run));
      },
    );
  }

  private async note(tenantId: TenantId, session: Transaction, userId: string): Promise<void> {
    const car = await this.carOf(tenantId, session, userId);
    if (!car) return;
    await this.sessionCars.put(tenantId, session.id, car.id);
    await this.events.publish(
      domainEvent<typeof SESSION_CAR_NOTED, SessionCarNotedEvent['payload']>(SESSION_CAR_NOTED, tenantId, {
        transactionId: session.id,
        chargingStationId: session.chargingStationId,
      }),
    );
    await this.socFollower.follow(tenantId, session.id, car);
  }

  /** The car chosen at the remote start (still the driver's), else the driver's default car. */
  private async carOf(tenantId: TenantId, session: Transaction, userId: string): Promise<Car | null> {
    const chosen = session.tagId
      ? await this.choices.take(tenantId, session.chargingStationId, session.tagId)
      : null;
    if (chosen) {
      const car = await this.cars.carForSession(tenantId, userId, chosen).catch(() => null);
      if (car) return car;
    }
    return this.cars.carForSession(tenantId, userId);
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
