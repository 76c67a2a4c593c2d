import { ExpectedArrival } from '../../../libs/smart-charging/src/optimizer/optimizer.types';
import { PastSession, forecastArrivals } from '../../../libs/smart-charging/src/planning/arrival-forecast';
import { DAY_START_HOUR, SLOT_HOURS, VOLTAGE, workplaceDay } from './workplace-day';

const DAY_MS = 24 * 3_600_000;
const SLOT_MS = SLOT_HOURS * 3_600_000;
/** The benchmark's "today": its slot 0 is 06:00 UTC of this day. */
const TODAY = Date.UTC(2026, 0, 15, DAY_START_HOUR);

/**
 * The area's past `days` days before the day of `seed`: days of the same site drawn with other seeds
 * (the same shape of arrivals, not the same cars), as the sessions the product would have stored.
 * Nothing of the day being planned is in them.
 */
export function pastSessions(seed: number, days: number, cars: number, fuseAmps: number): PastSession[] {
  const sessions: PastSession[] = [];
  for (let back = 1; back <= days; back++) {
    const day = workplaceDay(10_000 + seed * 100 + back, cars, fuseAmps);
    const dayStart = TODAY - back * DAY_MS;
    for (const car of day.cars) {
      sessions.push({
        start: new Date(dayStart + car.arrival * SLOT_MS),
        end: new Date(dayStart + car.departure * SLOT_MS),
        energyWh: car.energyWh,
        maxWatts: car.maxAmps * car.phases.length * VOLTAGE,
      });
    }
  }
  return sessions;
}

/** The forecast the controller gives the optimizer at each quarter hour of the day. */
export function arrivalForecast(
  past: readonly PastSession[],
  days: number,
): (slot: number, slotCount: number, fuseId: string) => ExpectedArrival[] {
  return (slot, slotCount, fuseId) =>
    forecastArrivals(past, days, {
      slotStart: new Date(TODAY + slot * SLOT_MS),
      slotMinutes: SLOT_HOURS * 60,
      slotCount,
      fuseId,
      voltage: VOLTAGE,
    });
}
