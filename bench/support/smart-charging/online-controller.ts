import { optimize } from '../../../libs/smart-charging/src/optimizer/optimize';
import {
  ExpectedArrival,
  FuseInput,
  OptimizerInput,
  Phase,
  SessionInput,
} from '../../../libs/smart-charging/src/optimizer/optimizer.types';
import { DAY_SLOTS, Day, DayCar, SLOT_HOURS, VOLTAGE } from './workplace-day';

/** What the controller did over the day. */
export interface DayOutcome {
  /** Per car, grid Wh delivered. */
  deliveredWh: Map<string, number>;
  /** Per slot and grid phase, A drawn through the area fuse. */
  load: number[][];
  /** Slot × phase cells above the fuse. */
  fuseViolations: number;
  /** Per slot, the currents of the cars charging (for fairness over time). */
  costOf(prices: number[]): number;
}

export interface ControllerOptions {
  horizonSlots: number;
  prices?: number[];
  futureCapacityShare?: number;
  /** The forecast of later arrivals at a slot of the day (from the area's past days, never this one). */
  expectedArrivals?: (slot: number, slotCount: number, fuseId: string) => ExpectedArrival[];
}

/**
 * Runs the optimizer as the product does: at every quarter hour (arrivals and departures fall on
 * them here) it plans the cars present, with what each still wants and its departure, and the cars
 * then draw the first slot's current. It knows nothing of cars yet to come.
 */
export function runDay(day: Day, options: ControllerOptions): DayOutcome {
  const delivered = new Map(day.cars.map((car) => [car.id, 0]));
  const energyBySlot = new Map(day.cars.map((car) => [car.id, new Array<number>(DAY_SLOTS).fill(0)]));
  const load: number[][] = [];
  const phaseOf = new Map<string, Phase>();
  const charging = new Set<string>();
  let fuseViolations = 0;
  for (let slot = 0; slot < DAY_SLOTS; slot++) {
    const present = day.cars.filter(
      (car) => car.arrival <= slot && slot < car.departure && car.energyWh - delivered.get(car.id)! > 1,
    );
    const input = problemAt(day, present, slot, delivered, phaseOf, charging, options);
    const plans = optimize(input).sessions;
    const slotLoad = [0, 0, 0];
    charging.clear();
    for (const plan of plans) {
      const amps = plan.amps[0];
      if (amps <= 0) continue;
      charging.add(plan.id);
      if (plan.phases.length === 1) phaseOf.set(plan.id, plan.phases[0]);
      const car = present.find((candidate) => candidate.id === plan.id)!;
      const wh = Math.min(
        amps * plan.phases.length * VOLTAGE * SLOT_HOURS,
        car.energyWh - delivered.get(car.id)!,
      );
      delivered.set(car.id, delivered.get(car.id)! + wh);
      energyBySlot.get(car.id)![slot] = wh;
      for (const phase of plan.phases) slotLoad[phase] += amps;
    }
    fuseViolations += slotLoad.filter((amps) => amps > day.fuseAmps + 1e-6).length;
    load.push(slotLoad);
  }
  return {
    deliveredWh: delivered,
    load,
    fuseViolations,
    costOf: (prices) =>
      [...energyBySlot.values()].reduce(
        (total, slots) => total + slots.reduce((sum, wh, slot) => sum + (wh / 1000) * prices[slot], 0),
        0,
      ),
  };
}

function problemAt(
  day: Day,
  present: DayCar[],
  slot: number,
  delivered: Map<string, number>,
  phaseOf: Map<string, Phase>,
  charging: Set<string>,
  options: ControllerOptions,
): OptimizerInput {
  const slotCount = Math.max(1, Math.min(options.horizonSlots, DAY_SLOTS - slot));
  const area: FuseInput = {
    id: 'area',
    label: 'area Workplace',
    limitAmps: [day.fuseAmps, day.fuseAmps, day.fuseAmps],
    voltage: VOLTAGE,
  };
  const stations: FuseInput[] = present.map((car) => ({
    id: `station-${car.id}`,
    parentId: 'area',
    label: `station ${car.id}`,
    limitAmps: [Infinity, Infinity, Infinity],
    voltage: VOLTAGE,
  }));
  const sessions: SessionInput[] = present.map((car) => ({
    id: car.id,
    fuseId: `station-${car.id}`,
    phases: car.switchable ? [phaseOf.get(car.id) ?? car.phases[0]] : car.phases,
    phaseOptions: car.switchable ? [0, 1, 2] : undefined,
    currentPhase: car.switchable ? phaseOf.get(car.id) : undefined,
    minAmps: 6,
    maxAmps: car.maxAmps,
    maxLabel: "the car's maximum",
    voltage: VOLTAGE,
    efficiency: 1,
    priority: 1,
    energyWh: car.energyWh - delivered.get(car.id)!,
    departureSlot: car.departure - slot,
    charging: charging.has(car.id),
    order: car.arrival,
    receivedWh: delivered.get(car.id)!,
  }));
  return {
    slotCount,
    slotHours: SLOT_HOURS,
    fuses: [area, ...stations],
    sessions,
    prices: options.prices?.slice(slot, slot + slotCount),
    futureCapacityShare: options.futureCapacityShare,
    expectedArrivals: options.expectedArrivals?.(slot, slotCount, area.id),
  };
}

/** Jain's fairness index of a set of allocations: 1 when all equal, 1/n when one takes all. */
export function jainIndex(values: readonly number[]): number {
  const sum = values.reduce((total, value) => total + value, 0);
  const squares = values.reduce((total, value) => total + value * value, 0);
  return squares === 0 ? 1 : (sum * sum) / (values.length * squares);
}
