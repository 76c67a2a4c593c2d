import { TenantId } from '@csms/common';
import { EventBus } from '@csms/events';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ROAMING_PARTNER_UNREGISTERED, RoamingPartnerLifecycleEvent } from '../partners/partner-events';
import { RoamingPartner } from '../partners/roaming-partner';
import { NewOutboxMessage } from './outbox-message';
import { OutboxTransports } from './outbox-transport';
import { OutboxRepository } from './outbox.repository';

/** Listeners of the dispatcher: told when new messages are stored, to deliver them without waiting for a poll. */
export type OutboxWakeUp = () => void;

/**
 * The way every push to a partner starts: the message is stored first (one insert for all its
 * partners), then delivered by the dispatcher with retries; a restart loses nothing.
 */
@Injectable()
export class Outbox implements OnModuleInit, OnModuleDestroy {
  private readonly wakeUps = new Set<OutboxWakeUp>();
  private unsubscribe?: () => void;

  constructor(
    private readonly messages: OutboxRepository,
    private readonly transports: OutboxTransports,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    // Once per cluster: the instance where the partner was unregistered cancels what was pending for it.
    this.unsubscribe = this.events.subscribeOwn<RoamingPartnerLifecycleEvent>(
      ROAMING_PARTNER_UNREGISTERED,
      (event) =>
        this.messages
          .cancelPending(event.tenantId, event.payload.partnerId, 'The partner was unregistered')
          .then(() => undefined),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** The partners that take messages of `kind` (their protocol renders it, they have the endpoint). */
  receivers(partners: readonly RoamingPartner[], kind: string): RoamingPartner[] {
    return partners.filter(
      (partner) => this.transports.of(partner.protocol)?.accepts(partner, kind) ?? false,
    );
  }

  /** Stores `message` for each of the partners that take it and wakes the dispatcher. */
  async enqueue(
    tenantId: TenantId,
    partners: readonly RoamingPartner[],
    message: NewOutboxMessage,
  ): Promise<void> {
    const receivers = this.receivers(partners, message.kind);
    if (!receivers.length) return;
    const byProtocol = new Map<RoamingPartner['protocol'], string[]>();
    for (const partner of receivers)
      byProtocol.set(partner.protocol, [...(byProtocol.get(partner.protocol) ?? []), partner.id]);
    for (const [protocol, ids] of byProtocol) await this.messages.add(tenantId, protocol, ids, message);
    this.wake();
  }

  /** Tells the dispatcher there is work now. */
  wake(): void {
    this.wakeUps.forEach((wakeUp) => wakeUp());
  }

  onEnqueue(wakeUp: OutboxWakeUp): () => void {
    this.wakeUps.add(wakeUp);
    return () => this.wakeUps.delete(wakeUp);
  }
}
