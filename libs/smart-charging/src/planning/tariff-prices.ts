import { energyPriceSchedule } from '@csms/pricing';
import { Transaction } from '@csms/transactions';
import { GridPricePeriod } from '../settings/smart-charging-settings';

/** A session whose frozen tariff prices its slots (with the clock the tariff is read on). */
type TariffPricedSession = Transaction & Required<Pick<Transaction, 'tariff' | 'tariffTimeZone'>>;

function hasTariffPrices(session: Transaction): session is TariffPricedSession {
  return Boolean(session.tariff && session.tariffTimeZone);
}

/**
 * Whether a plan has prices: the area's grid price curve (`pricesOfSlots`) or else the sessions'
 * tariffs (`tariffPricesOfSlots`) gives them. For what only a priced plan needs, read before the
 * prices themselves are computed.
 */
export function isPricedPlan(
  gridPrices: readonly GridPricePeriod[],
  sessions: readonly Transaction[],
): boolean {
  return gridPrices.length > 0 || sessions.some(hasTariffPrices);
}

/**
 * The energy price of each slot from the tariffs frozen on the sessions (libs/pricing's
 * energyPriceSchedule, on each tariff's own clock): the mean over the distinct tariffs of the tree's
 * sessions, so the cost objective moves energy to where the drivers pay least. Undefined when no
 * session has a tariff. A grid price curve configured on the area takes precedence over this.
 */
export function tariffPricesOfSlots(
  sessions: readonly Transaction[],
  firstSlotStart: Date,
  slotMinutes: number,
  slots: number,
): number[] | undefined {
  const tariffs = new Map<string, TariffPricedSession>();
  for (const session of sessions) {
    if (hasTariffPrices(session) && !tariffs.has(session.tariff.id)) tariffs.set(session.tariff.id, session);
  }
  if (tariffs.size === 0) return undefined;
  const slotMs = slotMinutes * 60_000;
  const to = new Date(firstSlotStart.getTime() + slots * slotMs);
  const sums = new Array<number>(slots).fill(0);
  for (const session of tariffs.values()) {
    const schedule = energyPriceSchedule(session.tariff, {
      timeZone: session.tariffTimeZone,
      from: firstSlotStart,
      to,
    });
    for (let slot = 0; slot < slots; slot++) {
      const at = firstSlotStart.getTime() + slot * slotMs;
      const period = schedule.find(
        (candidate) => candidate.start.getTime() <= at && at < candidate.end.getTime(),
      );
      sums[slot] += period?.pricePerKwh ?? 0;
    }
  }
  return sums.map((sum) => sum / tariffs.size);
}
