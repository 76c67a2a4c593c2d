import { LpSolver, solveDay } from './lp-optimum';
import { DAY_SLOTS, Day } from './workplace-day';

/** What the LP run online did over the day. */
export interface OnlineLpOutcome {
  deliveredWh: Map<string, number>;
  cost: number;
}

/**
 * A second baseline with the knowledge our optimizer has: at every quarter hour the LP plans only
 * the cars present (their remaining need and departure, nothing of cars yet to come) over the same
 * horizon, the most energy first and then the cheapest slots, and the cars draw its first slot. Its
 * cost above the LP that knows the whole day is what not knowing the arrivals costs any planner.
 */
export function runDayWithOnlineLp(
  solver: LpSolver,
  day: Day,
  prices: readonly number[],
  horizonSlots: number,
): OnlineLpOutcome {
  const delivered = new Map(day.cars.map((car) => [car.id, 0]));
  let cost = 0;
  for (let slot = 0; slot < DAY_SLOTS; slot++) {
    const present = day.cars.filter(
      (car) => car.arrival <= slot && slot < car.departure && car.energyWh - delivered.get(car.id)! > 1,
    );
    if (present.length === 0) continue;
    // The same cars seen from now: slot 0 is this quarter hour, the horizon ends what they may plan.
    const now: Day = {
      fuseAmps: day.fuseAmps,
      cars: present.map((car) => ({
        ...car,
        arrival: 0,
        departure: Math.min(car.departure - slot, horizonSlots),
        energyWh: car.energyWh - delivered.get(car.id)!,
      })),
    };
    const shifted = Array.from({ length: DAY_SLOTS }, (_, at) => prices[Math.min(slot + at, DAY_SLOTS - 1)]);
    const plan = solveDay(solver, now, { kind: 'energy', prices: shifted });
    for (const car of present) {
      const wh = plan.carSlotWh.get(car.id)?.[0] ?? 0;
      delivered.set(car.id, delivered.get(car.id)! + wh);
      cost += (wh / 1000) * prices[slot];
    }
  }
  return { deliveredWh: delivered, cost };
}
