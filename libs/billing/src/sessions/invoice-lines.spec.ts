import { TariffDimensionType } from '@csms/pricing';
import { invoiceLinesOf, notBilledReason } from './invoice-lines';

describe('invoice lines of a session', () => {
  it('has one line per priced dimension, with the tariff’s VAT or else the tenant’s rate', () => {
    const lines = invoiceLinesOf(
      {
        currency: 'EUR',
        exclVat: 2.35,
        inclVat: 2.79,
        dimensions: [
          { type: TariffDimensionType.ENERGY, quantity: 3, exclVat: 1.2, inclVat: 1.44 },
          { type: TariffDimensionType.PARKING_TIME, quantity: 0.25, exclVat: 0.15, inclVat: 0.15 },
          { type: TariffDimensionType.FLAT, quantity: 1, exclVat: 1, inclVat: 1.2 },
          { type: TariffDimensionType.TIME, quantity: 0.5, exclVat: 0, inclVat: 0 },
        ],
      },
      7.7,
    );
    expect(lines).toEqual([
      { dimension: 'ENERGY', description: 'Energy (3 kWh)', amountMinor: 120, taxPercent: 20 },
      { dimension: 'PARKING_TIME', description: 'Parking time (0.25 h)', amountMinor: 15, taxPercent: 7.7 },
      { dimension: 'FLAT', description: 'Session fee', amountMinor: 100, taxPercent: 20 },
    ]);
  });

  it('adds up to the session’s price: the largest line takes the rounding', () => {
    const lines = invoiceLinesOf(
      {
        currency: 'EUR',
        exclVat: 1,
        inclVat: 1.2,
        dimensions: [
          { type: TariffDimensionType.ENERGY, quantity: 1.333, exclVat: 0.3333, inclVat: 0.4 },
          { type: TariffDimensionType.TIME, quantity: 0.1, exclVat: 0.3334, inclVat: 0.4 },
          { type: TariffDimensionType.PARKING_TIME, quantity: 0.1, exclVat: 0.3333, inclVat: 0.4 },
        ],
      },
      20,
    );
    expect(lines.map((line) => line.amountMinor)).toEqual([34, 33, 33]);
    expect(lines.reduce((sum, line) => sum + line.amountMinor, 0)).toBe(100);
  });

  it('leaves short, small and unpriced sessions unbilled', () => {
    const thresholds = { freeSessionMaxSeconds: 120, freeSessionMaxWh: 500 };
    const base = {
      transactionId: 't',
      userId: 'u',
      chargingStationId: 'cs',
      startedAt: new Date('2026-12-01T10:00:00Z'),
      stoppedAt: new Date('2026-12-01T11:00:00Z'),
      energyWh: 5000,
      price: { currency: 'EUR', exclVat: 1, inclVat: 1.2, dimensions: [] },
    };
    expect(notBilledReason(base, thresholds)).toBeNull();
    expect(notBilledReason({ ...base, stoppedAt: new Date('2026-12-01T10:01:59Z') }, thresholds)).toMatch(
      /120 s/,
    );
    expect(notBilledReason({ ...base, energyWh: 499 }, thresholds)).toMatch(/500 Wh/);
    expect(notBilledReason({ ...base, price: undefined }, thresholds)).toMatch(/not priced/);
  });
});
