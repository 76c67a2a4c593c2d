import { GridPricePeriod } from '../settings/smart-charging-settings';

/** Minutes since local midnight of `date` in `timeZone`. */
function localMinutes(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const hour = Number(parts.find((part) => part.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((part) => part.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
}

/**
 * The price of each slot from a daily grid price curve: the period whose start time (local to
 * `timeZone`) is the latest at or before the slot's start, wrapping round midnight. Undefined
 * without a curve.
 */
export function pricesOfSlots(
  periods: readonly GridPricePeriod[],
  timeZone: string,
  firstSlotStart: Date,
  slotMinutes: number,
  slots: number,
): number[] | undefined {
  if (periods.length === 0) return undefined;
  const sorted = periods
    .map((period) => {
      const [hours, minutes] = period.startTime.split(':').map(Number);
      return { minute: hours * 60 + minutes, price: period.price };
    })
    .sort((a, b) => a.minute - b.minute);
  return Array.from({ length: slots }, (_, slot) => {
    const minute = localMinutes(new Date(firstSlotStart.getTime() + slot * slotMinutes * 60_000), timeZone);
    const current =
      [...sorted].reverse().find((period) => period.minute <= minute) ?? sorted[sorted.length - 1];
    return current.price;
  });
}
