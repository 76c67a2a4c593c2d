import { offsetAt } from '@csms/common';
import { Transaction } from '@csms/transactions';
import { RefundEntry } from './refund-report';

/** Where a session took place: the city and time zone of its station's site. */
export interface SessionPlace {
  city?: string;
  timeZone: string;
}

/** The day a session ended on the site's clock (YYYY-MM-DD): the date of the expense. */
export function localDate(at: Date, timeZone: string): string {
  return new Date(at.getTime() + offsetAt(timeZone, at.getTime())).toISOString().slice(0, 10);
}

/** A stopped, priced session's line in an expense report: its price with VAT, as the driver paid it. */
export function refundEntryOf(transaction: Transaction, place: SessionPlace): RefundEntry {
  return {
    transactionId: transaction.id,
    amount: transaction.price!.inclVat,
    currency: transaction.price!.currency,
    date: localDate(transaction.stoppedAt ?? transaction.startedAt, place.timeZone),
    city: place.city,
    chargingStationId: transaction.chargingStationId,
    energyWh: transaction.energyWh,
  };
}

/** The report's name: {month} becomes the month of its earliest session; Concur takes 40 characters. */
export function reportNameOf(template: string, entries: readonly RefundEntry[]): string {
  const month = entries.map((entry) => entry.date.slice(0, 7)).sort()[0] ?? '';
  return template.replace(/\{month\}/g, month).slice(0, 40);
}

/** What the entry says in Concur: the session, the station and the energy. */
export function entryDescription(entry: RefundEntry): string {
  const kWh = (entry.energyWh / 1000).toFixed(2);
  return `EV charging ${kWh} kWh at ${entry.chargingStationId}${entry.city ? `, ${entry.city}` : ''}`.slice(
    0,
    64,
  );
}
