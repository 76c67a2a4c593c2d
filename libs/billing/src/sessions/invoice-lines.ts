import { SessionPriceAmount, minorUnitsOf } from '@csms/pricing';
import { Transaction } from '@csms/transactions';

/** One line of a session's invoice: one per pricing dimension, its own tax rate. */
export interface PlannedLine {
  /** The pricing dimension (ENERGY, TIME, PARKING_TIME, FLAT). */
  dimension: string;
  description: string;
  /** Excluding tax, in the currency's minor units. */
  amountMinor: number;
  /** The tax charged on it, in percent. */
  taxPercent: number;
}

/** A line's tax in minor units, rounded per line as the provider's invoice rounds it. */
export function taxMinorOf(line: PlannedLine): number {
  return Math.round((line.amountMinor * line.taxPercent) / 100);
}

/** What a stopped session tells billing (the TransactionStopped event, kept in the job). */
export interface BilledSession {
  transactionId: string;
  userId: string;
  chargingStationId: string;
  startedAt: Date;
  stoppedAt: Date;
  energyWh: number;
  price?: SessionPriceAmount;
}

/** What billing keeps of a stopped session of a user; null for sessions it does not bill (nobody's, running). */
export function billedSessionOf(transaction: Transaction): BilledSession | null {
  if (!transaction.userId || !transaction.stoppedAt) return null;
  return {
    transactionId: transaction.id,
    userId: transaction.userId,
    chargingStationId: transaction.chargingStationId,
    startedAt: transaction.startedAt,
    stoppedAt: transaction.stoppedAt,
    energyWh: transaction.energyWh,
    price: transaction.price,
  };
}

const QUANTITY_UNITS: Record<string, string> = {
  ENERGY: 'kWh',
  TIME: 'h',
  PARKING_TIME: 'h',
};

const DIMENSION_NAMES: Record<string, string> = {
  ENERGY: 'Energy',
  TIME: 'Charging time',
  PARKING_TIME: 'Parking time',
  FLAT: 'Session fee',
};

function toMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** minorUnitsOf(currency));
}

/** The tax a dimension's tariff priced in; none priced (inclVat = exclVat): the tenant's rate. */
function taxPercentOf(dimension: { exclVat: number; inclVat: number }, tenantRate: number): number {
  if (dimension.exclVat <= 0 || dimension.inclVat <= dimension.exclVat) return tenantRate;
  return Math.round((dimension.inclVat / dimension.exclVat - 1) * 10_000) / 100;
}

/** Why a stopped session is not billed (free or not priced), or null when it is. */
export function notBilledReason(
  session: BilledSession,
  thresholds: { freeSessionMaxSeconds: number; freeSessionMaxWh: number },
): string | null {
  const seconds = (new Date(session.stoppedAt).getTime() - new Date(session.startedAt).getTime()) / 1000;
  if (seconds < thresholds.freeSessionMaxSeconds) return `shorter than ${thresholds.freeSessionMaxSeconds} s`;
  if (session.energyWh < thresholds.freeSessionMaxWh) return `less than ${thresholds.freeSessionMaxWh} Wh`;
  if (!session.price) return 'not priced (no tariff)';
  if (session.price.exclVat <= 0) return 'priced at zero';
  return null;
}

/**
 * A session's invoice lines, one per priced dimension, excluding tax. Dimensions are each rounded to
 * minor units; the largest line takes what that rounding lost, so the lines add up to the session's
 * price excluding tax.
 */
export function invoiceLinesOf(price: SessionPriceAmount, tenantTaxPercent: number): PlannedLine[] {
  const lines = price.dimensions
    .filter((dimension) => dimension.exclVat > 0)
    .map((dimension) => {
      const unit = QUANTITY_UNITS[dimension.type];
      const quantity = unit ? ` (${dimension.quantity} ${unit})` : '';
      return {
        dimension: dimension.type,
        description: `${DIMENSION_NAMES[dimension.type] ?? dimension.type}${quantity}`,
        amountMinor: toMinor(dimension.exclVat, price.currency),
        taxPercent: taxPercentOf(dimension, tenantTaxPercent),
      };
    });
  const rest =
    toMinor(price.exclVat, price.currency) - lines.reduce((sum, line) => sum + line.amountMinor, 0);
  if (lines.length && rest !== 0) {
    const largest = lines.reduce((max, line) => (line.amountMinor > max.amountMinor ? line : max));
    largest.amountMinor += rest;
  }
  return lines;
}
