/**
 * What statistics add up, in stored units: energy in Wh, usage and inactivity in seconds, a session
 * count, and revenue in the sessions' currency. Kept as a fixed-order tuple: rollups store millions.
 */
export type Measures = [
  energyWh: number,
  usageSeconds: number,
  inactivitySeconds: number,
  sessions: number,
  revenue: number,
];

export const MEASURE_COUNT = 5;

export const ENERGY = 0;
export const USAGE = 1;
export const INACTIVITY = 2;
export const SESSIONS = 3;
export const REVENUE = 4;

export function zeroMeasures(): Measures {
  return [0, 0, 0, 0, 0];
}

/** Adds `b` into `a` and returns `a`. */
export function addInto(a: Measures, b: Readonly<Measures>): Measures {
  for (let i = 0; i < MEASURE_COUNT; i++) a[i] += b[i];
  return a;
}

/** Measures per small integer index (an hour, a day of the month, a weekday, a month). */
export class IndexedMeasures {
  private readonly values = new Map<number, Measures>();

  add(index: number, measures: Readonly<Measures>): void {
    const existing = this.values.get(index);
    if (existing) addInto(existing, measures);
    else this.values.set(index, [...measures] as Measures);
  }

  addAll(other: IndexedMeasures | undefined): void {
    other?.forEach((index, measures) => this.add(index, measures));
  }

  get(index: number): Readonly<Measures> | undefined {
    return this.values.get(index);
  }

  forEach(visit: (index: number, measures: Measures) => void): void {
    [...this.values.keys()].sort((a, b) => a - b).forEach((index) => visit(index, this.values.get(index)!));
  }

  get size(): number {
    return this.values.size;
  }
}

/** Stored sums keep three decimals: no float noise, no loss (Wh, seconds, minor units). */
export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
