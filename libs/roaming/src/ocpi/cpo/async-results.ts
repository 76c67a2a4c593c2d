import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Outbox } from '../../outbox/outbox';
import { OcpiRequestContext } from '../auth/ocpi-request';

/**
 * Work whose result an eMSP gets later (commands, charging profiles): it runs after the synchronous
 * answer, and its result goes to the partner through the outbox (retried, in order per response URL).
 * Shutdown waits for work in progress.
 */
@Injectable()
export class AsyncResults implements OnModuleDestroy {
  private readonly logger = new Logger(AsyncResults.name);
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly outbox: Outbox) {}

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  deliverLater<P>(
    context: OcpiRequestContext,
    message: { objectKey: string; kind: string },
    produce: () => Promise<P>,
    onFailure: (error: unknown) => P,
  ): void {
    const { tenantId, partner } = context;
    const work = produce()
      .catch(onFailure)
      .then((payload) => this.outbox.enqueue(tenantId, [partner], { ...message, payload }))
      .catch((error: unknown) =>
        this.logger.error({ err: error, kind: message.kind }, 'A result could not be queued'),
      )
      .finally(() => this.running.delete(work));
    this.running.add(work);
  }
}
