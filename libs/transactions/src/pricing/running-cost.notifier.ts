import { TenantId } from '@csms/common';
import { EventBus, Unsubscribe } from '@csms/events';
import { PricingSettingsService, tariffDisplayText } from '@csms/pricing';
import { ChargingStationService, StationCommandService } from '@csms/stations';
import { UserService } from '@csms/users';
import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import {
  TRANSACTION_STARTED,
  TRANSACTION_STOPPED,
  TRANSACTION_UPDATED,
  TransactionEvent,
} from '../events/transaction-events';
import { ActiveTransactionCache } from '../active-transaction-cache';
import { Transaction } from '../models/transaction.model';

/** The Open Charge Alliance's California Pricing whitepaper: OCPP 1.6 DataTransfer vendor id. */
export const CALIFORNIA_PRICING_VENDOR = 'org.openchargealliance.costmsg';

type Channel = 'CostUpdated' | 'CaliforniaPricing';

/**
 * Tells stations what a running session costs, off the meter-value path (reacting to the events of
 * sessions held by this instance): OCPP 2.0.1 stations get CostUpdated at the tenant's interval;
 * OCPP 1.6 stations whose template says they support California Pricing get SetUserPrice when the
 * session starts, RunningCost at the interval and FinalCost at the end, as DataTransfers. A station
 * that does not answer costs nothing but a log line: the price itself is kept by the session.
 */
@Injectable()
export class RunningCostNotifier implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RunningCostNotifier.name);
  private readonly unsubscribers: Unsubscribe[] = [];
  /** Per session: when its cost was last sent, and what it was. */
  private readonly lastSent = new Map<string, { at: number; cost: number }>();

  constructor(
    private readonly events: EventBus,
    private readonly stations: ChargingStationService,
    private readonly commands: StationCommandService,
    private readonly settings: PricingSettingsService,
    private readonly active: ActiveTransactionCache,
    private readonly users: UserService,
  ) {}

  onModuleInit(): void {
    this.unsubscribers.push(
      this.events.subscribeOwn<TransactionEvent>(TRANSACTION_STARTED, (event) =>
        this.guard(event, (channel) => this.onStarted(event.tenantId, event.payload, channel)),
      ),
      this.events.subscribeOwn<TransactionEvent>(TRANSACTION_UPDATED, (event) =>
        this.guard(event, (channel) => this.onUpdated(event.tenantId, event.payload, channel)),
      ),
      this.events.subscribeOwn<TransactionEvent>(TRANSACTION_STOPPED, (event) => {
        this.lastSent.delete(`${event.tenantId}\u0000${event.payload.id}`);
        return this.guard(event, (channel) => this.onStopped(event.tenantId, event.payload, channel));
      }),
    );
  }

  onModuleDestroy(): void {
    this.unsubscribers.forEach((unsubscribe) => unsubscribe());
  }

  /**
   * Priced sessions on stations that can show a cost; failures are logged, never thrown at the bus.
   * An unpriced session (every meter value updates its session) has no cost to show: no promise then.
   */
  private guard(
    event: TransactionEvent,
    send: (channel: Channel) => Promise<void>,
  ): Promise<void> | undefined {
    return event.payload.price ? this.sendCost(event, send) : undefined;
  }

  private async sendCost(event: TransactionEvent, send: (channel: Channel) => Promise<void>): Promise<void> {
    try {
      const channel = await this.channelOf(event.tenantId, event.payload.chargingStationId);
      if (channel) await send(channel);
    } catch (error) {
      this.logger.warn(
        { err: error, chargingStationId: event.payload.chargingStationId, transactionId: event.payload.id },
        `Could not send ${event.type}'s cost to the station`,
      );
    }
  }

  private async channelOf(tenantId: TenantId, stationId: string): Promise<Channel | undefined> {
    const station = await this.stations.find(tenantId, stationId);
    if (station?.ocppVersion === '2.0.1') return 'CostUpdated';
    if (
      station?.ocppVersion === '1.6' &&
      station.ocppProtocol === 'json' &&
      station.capabilities?.californiaPricing
    ) {
      return 'CaliforniaPricing';
    }
    return undefined;
  }

  private async onStarted(tenantId: TenantId, transaction: Transaction, channel: Channel): Promise<void> {
    if (channel !== 'CaliforniaPricing' || !transaction.tariff || !transaction.tagId) return;
    await this.dataTransfer(tenantId, transaction.chargingStationId, 'SetUserPrice', {
      idToken: transaction.tagId,
      priceText: tariffDisplayText(
        transaction.tariff,
        await this.users.localeOf(tenantId, transaction.userId),
      ).text,
    });
  }

  private async onUpdated(tenantId: TenantId, transaction: Transaction, channel: Channel): Promise<void> {
    const key = `${tenantId}\u0000${transaction.id}`;
    const totalCost = transaction.price!.inclVat;
    // Nothing new to show (a session starts at 0, or at its flat fee once sent).
    const last = this.lastSent.get(key) ?? { at: 0, cost: 0 };
    if (totalCost === last.cost) return;
    const { costUpdatedIntervalSeconds } = await this.settings.get(tenantId);
    const now = Date.now();
    if (now - last.at < costUpdatedIntervalSeconds * 1000) return;
    this.lastSent.set(key, { at: now, cost: totalCost });
    if (channel === 'CostUpdated') {
      await this.commands.send(tenantId, transaction.chargingStationId, (port) =>
        port.costUpdated(tenantId, transaction.chargingStationId, {
          ocppTransactionId: transaction.ocppTransactionId,
          totalCost,
        }),
      );
      return;
    }
    await this.dataTransfer(tenantId, transaction.chargingStationId, 'RunningCost', {
      transactionId: Number(transaction.ocppTransactionId),
      timestamp: (transaction.lastMeterValueAt ?? new Date()).toISOString(),
      meterValue: Math.round(transaction.meterStartWh + transaction.energyWh),
      cost: totalCost,
      state: 'Charging',
      // Progress events leave the frozen tariff out; this instance holds the session and has it.
      chargingPrice: this.chargingPriceOf(
        this.active.get(tenantId, transaction.chargingStationId, transaction.ocppTransactionId)
          ?.transaction ?? transaction,
      ),
    });
  }

  private async onStopped(tenantId: TenantId, transaction: Transaction, channel: Channel): Promise<void> {
    if (channel !== 'CaliforniaPricing') return;
    await this.dataTransfer(tenantId, transaction.chargingStationId, 'FinalCost', {
      transactionId: Number(transaction.ocppTransactionId),
      cost: transaction.price!.inclVat,
      priceText: `${transaction.price!.inclVat} ${transaction.price!.currency}`,
    });
  }

  /** The whitepaper's chargingPrice: the unrestricted energy, time and flat prices, incl. VAT. */
  private chargingPriceOf(transaction: Transaction): Record<string, number> {
    const price: Record<string, number> = {};
    const keys = { ENERGY: 'kWhPrice', TIME: 'hourPrice', FLAT: 'flatFee' } as const;
    for (const element of transaction.tariff?.elements.filter((candidate) => !candidate.restrictions) ?? []) {
      for (const component of element.priceComponents) {
        const key = keys[component.type as keyof typeof keys];
        if (!key || key in price) continue;
        price[key] = Number((component.price * (1 + (component.vat ?? 0) / 100)).toFixed(4));
      }
    }
    return price;
  }

  private async dataTransfer(
    tenantId: TenantId,
    stationId: string,
    messageId: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await this.commands.send(tenantId, stationId, (port) =>
      port.dataTransfer(tenantId, stationId, {
        vendorId: CALIFORNIA_PRICING_VENDOR,
        messageId,
        data: JSON.stringify(data),
      }),
    );
  }
}
