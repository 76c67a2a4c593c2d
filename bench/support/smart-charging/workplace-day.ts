import { seededRandom } from '../../../apps/simulator/src/model/random';
import { Phase } from '../../../libs/smart-charging/src/optimizer/optimizer.types';

/** Quarter hours from 06:00 to 22:00. */
export const DAY_SLOTS = 64;
export const SLOT_HOURS = 0.25;
export const VOLTAGE = 230;
export const DAY_START_HOUR = 6;

/** One car of the day: when it comes and goes (slots), what it can draw and wants. */
export interface DayCar {
  id: string;
  arrival: number;
  /** First slot it is gone. */
  departure: number;
  phases: Phase[];
  /** Single-phase on a station that can put it on any phase. */
  switchable: boolean;
  maxAmps: number;
  /** Wanted into the battery, Wh (efficiency 1 in these scenarios: grid energy). */
  energyWh: number;
}

export interface Day {
  cars: DayCar[];
  /** Per-phase fuse of the area, A. */
  fuseAmps: number;
}

function normal(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

/** A car's electrics: mostly 3-phase 11 kW, some 22 kW, a quarter single-phase (fixed or switchable). */
function drawCar(random: () => number): Pick<DayCar, 'phases' | 'switchable' | 'maxAmps'> {
  const kind = random();
  if (kind < 0.6) return { phases: [0, 1, 2], switchable: false, maxAmps: 16 };
  if (kind < 0.75) return { phases: [0, 1, 2], switchable: false, maxAmps: 32 };
  const phase = Math.floor(random() * 3) as Phase;
  return { phases: [phase], switchable: random() < 0.5, maxAmps: random() < 0.5 ? 16 : 32 };
}

/**
 * A seeded workplace day with the shape of the public ACN-Data statistics of workplace charging
 * (Caltech, JPL): most cars arrive in the morning around 08:30 and stay most of a working day, a
 * smaller afternoon wave stays a few hours; energy asked is a few to a few tens of kWh, about 10 kWh
 * typical. Log-normal stays and energies, normal arrival times; capped to what fits the day.
 */
export function workplaceDay(seed: number, cars: number, fuseAmps: number): Day {
  const random = seededRandom(seed);
  const day: DayCar[] = [];
  for (let index = 0; index < cars; index++) {
    const morning = random() < 0.82;
    const arrivalHour = morning
      ? clamp(8.5 + normal(random) * 0.9, 6.25, 12)
      : clamp(13.5 + normal(random) * 1.0, 12, 17);
    const stayHours = clamp(Math.exp(Math.log(morning ? 7.5 : 2.5) + normal(random) * 0.35), 1, 11);
    const arrival = Math.round((arrivalHour - DAY_START_HOUR) / SLOT_HOURS);
    const departure = Math.min(DAY_SLOTS, arrival + Math.max(2, Math.round(stayHours / SLOT_HOURS)));
    const energyWh = clamp(Math.exp(Math.log(10_000) + normal(random) * 0.55), 2_000, 45_000);
    day.push({
      id: `car-${String(index).padStart(3, '0')}`,
      arrival,
      departure,
      energyWh,
      ...drawCar(random),
    });
  }
  return { cars: day, fuseAmps };
}

/**
 * The fair-share day: every car is there from 08:00 to 17:00 (arriving within the first hour) and
 * wants more than the area can give, so the whole day is a contest for the fuse.
 */
export function fairShareDay(seed: number, cars: number, fuseAmps: number): Day {
  const random = seededRandom(seed);
  const day: DayCar[] = [];
  for (let index = 0; index < cars; index++) {
    const arrival = 8 + Math.floor(random() * 4);
    const departure = 44;
    const car =
      random() < 0.7
        ? { phases: [0, 1, 2] as Phase[], switchable: false, maxAmps: random() < 0.7 ? 16 : 32 }
        : { phases: [Math.floor(random() * 3) as Phase], switchable: random() < 0.5, maxAmps: 32 };
    day.push({ id: `car-${String(index).padStart(3, '0')}`, arrival, departure, energyWh: 80_000, ...car });
  }
  return { cars: day, fuseAmps };
}

/**
 * Time-of-use prices per slot (per kWh): dear in the morning and evening peaks, cheap at midday
 * (solar) and in the early morning.
 */
export function timeOfUsePrices(): number[] {
  return Array.from({ length: DAY_SLOTS }, (_, slot) => {
    const hour = DAY_START_HOUR + slot * SLOT_HOURS;
    if (hour < 7) return 0.18;
    if (hour < 11) return 0.34;
    if (hour < 15) return 0.14;
    if (hour < 19) return 0.38;
    return 0.22;
  });
}
