import { hasRole } from '@csms/cluster';
import { APP_CONFIG, AppConfig } from '@csms/common';
import { EventBus, domainEvent } from '@csms/events';
import { JobLock } from '@csms/housekeeping';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PartnerRegistry } from '../partners/partner-registry';
import { RoamingPartner } from '../partners/roaming-partner';
import { backoffDelay } from './backoff';
import { OutboxMessage } from './outbox-message';
import { DeliveryOutcome, OutboxTransports } from './outbox-transport';
import { Outbox } from './outbox';
import { OutboxRepository } from './outbox.repository';

export const ROAMING_MESSAGE_REJECTED = 'RoamingMessageRejected';

/** The lock that lets one instance at a time deliver (per-object order needs a single deliverer). */
const LOCK_JOB = 'roaming-outbox';
const LOCK_TTL_MS = 60_000;
/** Messages read per round. */
const BATCH = 200;
/** Objects of one partner delivered at once (each object's messages stay in order). */
const OBJECTS_AT_ONCE = 8;

/** How long messages for a partner whose registration is under way wait before they are looked at again. */
const REGISTRATION_WAIT_MS = 5000;

/**
 * Delivers the outbox: one instance at a time (a database lock), messages in order per object and
 * partner, objects of a partner side by side. A partner that is down or failing (network error, 5xx,
 * 401, OCPI 3xxx) is backed off as a whole, exponentially (ROAMING_OUTBOX_RETRY_BASE_MS up to
 * ROAMING_OUTBOX_RETRY_MAX_MS), and gets everything in order when it returns; a message still not
 * delivered after ROAMING_OUTBOX_MAX_AGE_HOURS is FAILED. A message the partner refuses (OCPI 2xxx,
 * most 4xx) is REJECTED and reported (log, RoamingMessageRejected, GraphQL), never retried by itself.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxDispatcher.name);
  /** Consecutive failed attempts per partner (tenant and id), for its back-off. */
  private readonly failures = new Map<string, number>();
  private stopped = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private pendingWake = false;
  private unsubscribe?: () => void;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly messages: OutboxRepository,
    private readonly outbox: Outbox,
    private readonly partners: PartnerRegistry,
    private readonly transports: OutboxTransports,
    private readonly lock: JobLock,
    private readonly events: EventBus,
  ) {}

  onApplicationBootstrap(): void {
    if (!hasRole(this.config, 'worker')) return;
    this.unsubscribe = this.outbox.onEnqueue(() => this.wakeUp());
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    this.wakeUp();
    await this.loop;
  }

  private wakeUp(): void {
    this.pendingWake = true;
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const lease = await this.lock.acquire(LOCK_JOB, LOCK_TTL_MS).catch((error: unknown) => {
        this.logger.warn({ err: error }, 'Outbox lock unavailable');
        return null;
      });
      if (!lease) {
        await this.sleep(this.config.ROAMING_OUTBOX_POLL_MS);
        continue;
      }
      try {
        while (!this.stopped && (await lease.keep())) {
          this.pendingWake = false;
          const worked = await this.round().catch((error: unknown) => {
            this.logger.error({ err: error }, 'Outbox round failed');
            return false;
          });
          if (!worked && !this.pendingWake) await this.sleep(this.config.ROAMING_OUTBOX_POLL_MS);
        }
      } finally {
        await lease.release().catch(() => undefined);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  /** One batch of due messages; true when something was attempted. */
  private async round(): Promise<boolean> {
    const due = await this.messages.findDue(new Date(), BATCH);
    const byPartner = new Map<string, OutboxMessage[]>();
    for (const message of due) {
      const key = `${message.tenantId}\u0000${message.partnerId}`;
      byPartner.set(key, [...(byPartner.get(key) ?? []), message]);
    }
    const attempted = await Promise.all(
      [...byPartner.entries()].map(([key, messages]) => this.deliverToPartner(key, messages)),
    );
    return attempted.some(Boolean);
  }

  private async deliverToPartner(key: string, messages: OutboxMessage[]): Promise<boolean> {
    const { tenantId, partnerId } = messages[0];
    const partner = await this.partners.get(tenantId, partnerId);
    if (!partner || partner.status === 'UNREGISTERED') {
      await this.messages.cancelPending(tenantId, partnerId, 'The partner was unregistered');
      return true;
    }
    // Registration under way (or failed and to be redone): messages wait.
    if (partner.status !== 'REGISTERED') {
      await this.messages.postpone(tenantId, partnerId, new Date(Date.now() + REGISTRATION_WAIT_MS));
      return false;
    }
    const byObject = new Map<string, OutboxMessage[]>();
    for (const message of messages)
      byObject.set(message.objectKey, [...(byObject.get(message.objectKey) ?? []), message]);
    const queues = [...byObject.values()];
    let partnerDown = false;
    const next = async (): Promise<void> => {
      for (let queue = queues.shift(); queue && !partnerDown && !this.stopped; queue = queues.shift()) {
        if (await this.messages.hasOlderPending(queue[0])) continue;
        for (const message of queue) {
          if (partnerDown || this.stopped) return;
          const outcome = await this.attempt(partner, message);
          if (outcome.outcome === 'retry') partnerDown = true;
        }
      }
    };
    await Promise.all(Array.from({ length: OBJECTS_AT_ONCE }, next));
    if (!partnerDown) this.failures.delete(key);
    return true;
  }

  private async attempt(partner: RoamingPartner, message: OutboxMessage): Promise<DeliveryOutcome> {
    const transport = this.transports.of(message.protocol);
    let outcome: DeliveryOutcome;
    try {
      outcome = transport
        ? await transport.deliver(partner, message)
        : { outcome: 'rejected', reason: `No transport for ${message.protocol}` };
    } catch (error) {
      this.logger.error({ err: error, messageId: message.id }, 'Outbox delivery threw');
      outcome = { outcome: 'retry', reason: error instanceof Error ? error.message : String(error) };
    }
    const result = {
      attempts: message.attempts + 1,
      at: new Date(),
      httpStatus: outcome.httpStatus,
      protocolStatus: outcome.protocolStatus,
      error: outcome.outcome === 'delivered' ? undefined : outcome.reason,
    };
    if (outcome.outcome === 'delivered') {
      await this.messages.delivered(message);
    } else if (outcome.outcome === 'rejected') {
      await this.messages.finish(message, 'REJECTED', result);
      await this.reportRejection(partner, message, outcome.reason);
    } else {
      await this.retryLater(partner, message, result);
    }
    return outcome;
  }

  private async retryLater(
    partner: RoamingPartner,
    message: OutboxMessage,
    result: { attempts: number; at: Date; error?: string },
  ): Promise<void> {
    const maxAgeMs = this.config.ROAMING_OUTBOX_MAX_AGE_HOURS * 3_600_000;
    if (result.at.getTime() - message.createdAt.getTime() >= maxAgeMs) {
      await this.messages.finish(message, 'FAILED', result);
      this.logger.error(
        { tenantId: partner.tenantId, partnerId: partner.id, messageId: message.id, kind: message.kind },
        `Gave up delivering to ${partner.name} after ${result.attempts} attempts: ${result.error}`,
      );
      return;
    }
    const key = `${partner.tenantId}\u0000${partner.id}`;
    const failures = (this.failures.get(key) ?? 0) + 1;
    this.failures.set(key, failures);
    const delay = backoffDelay(
      failures,
      this.config.ROAMING_OUTBOX_RETRY_BASE_MS,
      this.config.ROAMING_OUTBOX_RETRY_MAX_MS,
    );
    const until = new Date(Date.now() + delay);
    await this.messages.retryLater(message, result, until);
    await this.messages.postpone(partner.tenantId, partner.id, until);
    this.logger.warn(
      { tenantId: partner.tenantId, partnerId: partner.id, kind: message.kind, attempts: result.attempts },
      `Delivery to ${partner.name} failed (${result.error}); retrying in ${delay} ms`,
    );
  }

  private async reportRejection(
    partner: RoamingPartner,
    message: OutboxMessage,
    reason: string,
  ): Promise<void> {
    this.logger.warn(
      {
        tenantId: partner.tenantId,
        partnerId: partner.id,
        messageId: message.id,
        kind: message.kind,
        objectKey: message.objectKey,
      },
      `${partner.name} rejected ${message.kind}: ${reason}`,
    );
    await this.events.publish(
      domainEvent(ROAMING_MESSAGE_REJECTED, partner.tenantId, {
        partnerId: partner.id,
        messageId: message.id,
        kind: message.kind,
        objectKey: message.objectKey,
        reason,
      }),
    );
  }
}
