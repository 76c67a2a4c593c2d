import { asTenantId } from '@csms/common';
import { InProcessEventBus, domainEvent } from '@csms/events';
import { PricingSettingsService, Tariff, TariffDimensionType } from '@csms/pricing';
import {
  ChargingStation,
  ChargingStationService,
  StationCommandService,
  StationCommands,
} from '@csms/stations';
import { UserService } from '@csms/users';
import { ActiveTransactionCache } from '../active-transaction-cache';
import { TRANSACTION_STARTED, TRANSACTION_STOPPED, TRANSACTION_UPDATED } from '../events/transaction-events';
import { Transaction } from '../models/transaction.model';
import { CALIFORNIA_PRICING_VENDOR, RunningCostNotifier } from './running-cost.notifier';

const TENANT = asTenantId('default');

const tariff: Tariff = {
  id: 't1',
  name: 'Simple',
  currency: 'EUR',
  tariffAltText: [],
  updatedAt: new Date(0),
  elements: [
    {
      priceComponents: [
        { type: TariffDimensionType.ENERGY, price: 0.3, vat: 20, stepSize: 1 },
        { type: TariffDimensionType.FLAT, price: 1, vat: 20, stepSize: 1 },
      ],
    },
  ],
};

function transaction(inclVat: number): Transaction {
  return {
    id: 'tx',
    tenantId: TENANT,
    ocppTransactionId: '42',
    chargingStationId: 'CS1',
    connectorId: 1,
    tagId: 'TAG',
    userId: 'driver',
    active: true,
    startedAt: new Date('2026-06-01T10:00:00Z'),
    meterStartWh: 1000,
    energyWh: 2500,
    lastMeterValueAt: new Date('2026-06-01T10:30:00Z'),
    tariff,
    price: { currency: 'EUR', exclVat: inclVat / 1.2, inclVat, dimensions: [] },
  };
}

/** Sends recorded instead of encoded: what the notifier asks the station command port to do. */
function harness(station: Partial<ChargingStation>, intervalSeconds = 60) {
  const sent: { command: string; request: unknown }[] = [];
  const port = {
    dataTransfer: (_t: unknown, _s: string, request: unknown) => {
      sent.push({ command: 'dataTransfer', request });
      return Promise.resolve({ status: 'Accepted' });
    },
    costUpdated: (_t: unknown, _s: string, request: unknown) => {
      sent.push({ command: 'costUpdated', request });
      return Promise.resolve({ status: 'Accepted' });
    },
  } as unknown as StationCommands;
  const events = new InProcessEventBus();
  const notifier = new RunningCostNotifier(
    events,
    { find: () => Promise.resolve({ id: 'CS1', ...station }) } as unknown as ChargingStationService,
    {
      send: (_t: unknown, _s: string, command: (p: StationCommands) => unknown) => command(port),
    } as unknown as StationCommandService,
    {
      get: () => Promise.resolve({ costUpdatedIntervalSeconds: intervalSeconds }),
    } as unknown as PricingSettingsService,
    new ActiveTransactionCache(),
    // The driver reads German: what the station shows them is in German.
    {
      localeOf: (_t: unknown, userId: string) => Promise.resolve(userId === 'driver' ? 'de' : undefined),
    } as unknown as UserService,
  );
  notifier.onModuleInit();
  const publish = async (type: string, payload: Transaction) => {
    await events.publish(domainEvent(type, TENANT, payload));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { sent, publish };
}

describe('RunningCostNotifier', () => {
  it('sends a 2.0.1 station CostUpdated when the cost changed, at most once per interval', async () => {
    const { sent, publish } = harness({ ocppVersion: '2.0.1', ocppProtocol: 'json' });
    await publish(TRANSACTION_UPDATED, transaction(0));
    await publish(TRANSACTION_UPDATED, transaction(1.2));
    await publish(TRANSACTION_UPDATED, transaction(1.56));
    expect(sent).toEqual([{ command: 'costUpdated', request: { ocppTransactionId: '42', totalCost: 1.2 } }]);
  });

  it('sends a 1.6 California Pricing station SetUserPrice, RunningCost and FinalCost in the whitepaper’s format, in the driver’s language', async () => {
    const { sent, publish } = harness({
      ocppVersion: '1.6',
      ocppProtocol: 'json',
      capabilities: { californiaPricing: true } as ChargingStation['capabilities'],
    });
    await publish(TRANSACTION_STARTED, transaction(1.2));
    await publish(TRANSACTION_UPDATED, transaction(2.1));
    await publish(TRANSACTION_STOPPED, { ...transaction(2.46), active: false });
    const transfers = sent.map(({ request }) => {
      const { vendorId, messageId, data } = request as { vendorId: string; messageId: string; data: string };
      return { vendorId, messageId, data: JSON.parse(data) as unknown };
    });
    expect(transfers).toEqual([
      {
        vendorId: CALIFORNIA_PRICING_VENDOR,
        messageId: 'SetUserPrice',
        data: { idToken: 'TAG', priceText: 'Simple: 0,36 EUR/kWh + 1,2 EUR pro Ladevorgang' },
      },
      {
        vendorId: CALIFORNIA_PRICING_VENDOR,
        messageId: 'RunningCost',
        data: {
          transactionId: 42,
          timestamp: '2026-06-01T10:30:00.000Z',
          meterValue: 3500,
          cost: 2.1,
          state: 'Charging',
          chargingPrice: { kWhPrice: 0.36, flatFee: 1.2 },
        },
      },
      {
        vendorId: CALIFORNIA_PRICING_VENDOR,
        messageId: 'FinalCost',
        data: { transactionId: 42, cost: 2.46, priceText: '2.46 EUR' },
      },
    ]);
  });

  it('leaves 1.6 stations without the capability, and unpriced sessions, alone', async () => {
    const plain = harness({ ocppVersion: '1.6', ocppProtocol: 'json', capabilities: undefined });
    await plain.publish(TRANSACTION_UPDATED, transaction(2));
    const unpriced = harness({ ocppVersion: '2.0.1', ocppProtocol: 'json' });
    await unpriced.publish(TRANSACTION_UPDATED, { ...transaction(2), price: undefined });
    expect([...plain.sent, ...unpriced.sent]).toEqual([]);
  });
});
