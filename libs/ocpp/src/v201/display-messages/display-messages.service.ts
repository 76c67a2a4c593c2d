import { TenantId } from '@csms/common';
import { EventBus, Unsubscribe } from '@csms/events';
import { TRANSACTION_STOPPED, TransactionEvent } from '@csms/transactions/events/transaction-events';
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { MessageInfoType, NotifyDisplayMessagesRequest } from '../types/generated';
import { DisplayMessage, DisplayMessageRepository } from './display-message.repository';

/** Reports of every message we wait for at once; the oldest are forgotten first. */
const MAX_FULL_REPORTS = 1000;

function fromStation(chargingStationId: string, info: MessageInfoType): DisplayMessage {
  return {
    chargingStationId,
    messageId: info.id,
    priority: info.priority,
    state: info.state,
    startDateTime: info.startDateTime ? new Date(info.startDateTime) : undefined,
    endDateTime: info.endDateTime ? new Date(info.endDateTime) : undefined,
    transactionId: info.transactionId,
    format: info.message.format,
    language: info.message.language,
    content: info.message.content,
    source: 'Reported',
  };
}

/**
 * What is on a 2.0.1 station's display (O Display Message): messages it accepted from us, replaced by
 * what it reports (NotifyDisplayMessages). A report of every message (GetDisplayMessages without a
 * filter) is the whole truth: messages it leaves out are gone, and "Unknown" means there are none.
 * The station drops a message at its endDateTime and at the end of its transaction; so do we.
 */
@Injectable()
export class DisplayMessagesService implements OnModuleInit, OnModuleDestroy {
  private readonly fullReports = new Map<string, number[]>();
  private unsubscribe?: Unsubscribe;

  constructor(
    private readonly messages: DisplayMessageRepository,
    private readonly events: EventBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.events.subscribeOwn<TransactionEvent>(TRANSACTION_STOPPED, async (event) => {
      const { chargingStationId, ocppTransactionId } = event.payload;
      await this.messages.remove(event.tenantId, chargingStationId, { transactionId: ocppTransactionId });
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  async list(tenantId: TenantId, chargingStationId: string, now = new Date()): Promise<DisplayMessage[]> {
    const messages = await this.messages.listForStation(tenantId, chargingStationId);
    return messages.filter((message) => !message.endDateTime || message.endDateTime > now);
  }

  /** After SetDisplayMessage: the station shows what it accepted. */
  async accepted(tenantId: TenantId, message: DisplayMessage): Promise<void> {
    await this.messages.upsertMany(tenantId, [message]);
  }

  /** After ClearDisplayMessage Accepted. */
  async cleared(tenantId: TenantId, chargingStationId: string, messageId: number): Promise<void> {
    await this.messages.remove(tenantId, chargingStationId, { messageId });
  }

  /** After GetDisplayMessages: a report of every message will follow, or there are none. */
  async requested(
    tenantId: TenantId,
    chargingStationId: string,
    request: { requestId: number; everyMessage: boolean; status: string },
  ): Promise<void> {
    if (!request.everyMessage) return;
    if (request.status !== 'Accepted') {
      if (request.status === 'Unknown') await this.messages.remove(tenantId, chargingStationId, { keep: [] });
      return;
    }
    this.fullReports.set(this.key(tenantId, chargingStationId, request.requestId), []);
    if (this.fullReports.size > MAX_FULL_REPORTS) {
      const oldest = this.fullReports.keys().next().value;
      if (oldest !== undefined) this.fullReports.delete(oldest);
    }
  }

  async reported(
    tenantId: TenantId,
    chargingStationId: string,
    report: NotifyDisplayMessagesRequest,
  ): Promise<void> {
    const infos = report.messageInfo ?? [];
    await this.messages.upsertMany(
      tenantId,
      infos.map((info) => fromStation(chargingStationId, info)),
    );
    const key = this.key(tenantId, chargingStationId, report.requestId);
    const seen = this.fullReports.get(key);
    if (!seen) return;
    seen.push(...infos.map((info) => info.id));
    if (report.tbc) return;
    this.fullReports.delete(key);
    await this.messages.remove(tenantId, chargingStationId, { keep: seen });
  }

  private key(tenantId: TenantId, chargingStationId: string, requestId: number): string {
    return `${tenantId}\u0000${chargingStationId}\u0000${requestId}`;
  }
}
