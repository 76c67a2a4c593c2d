import { DAY_SLOTS, Day, DayCar, SLOT_HOURS, VOLTAGE } from './workplace-day';

/** The part of highs-js this benchmark uses: one LP in CPLEX LP format, solved at once. */
export interface LpSolver {
  solve(
    problem: string,
    options?: Record<string, unknown>,
  ): { Status: string; ObjectiveValue: number; Columns: Record<string, { Primal: number }> };
}

export async function loadLpSolver(): Promise<LpSolver> {
  // highs-js is a CommonJS module exporting its async loader.
  const loader = (await import('highs')).default as unknown as () => Promise<LpSolver>;
  return loader();
}

/** What the LP found: per car, grid Wh over the day, and the objective. */
export interface LpOutcome {
  deliveredWh: Map<string, number>;
  /** Grid Wh of all cars per slot. */
  slotWh: number[];
  /** Per car, grid Wh per slot. */
  carSlotWh: Map<string, number[]>;
  objective: number;
  seconds: number;
}

/**
 * `energy`: the most energy (with `prices`, the cheapest way to deliver that most); `cost`: the
 * cheapest way to deliver at least `atLeastWh` per car.
 */
export type LpGoal =
  | { kind: 'energy'; prices?: readonly number[] }
  | { kind: 'cost'; prices: readonly number[]; atLeastWh: Map<string, number> };

/**
 * The same day as a linear program, with full knowledge of every car in advance: a current per car,
 * slot and phase it may draw on (A, within the car's maximum, only while it is there), each fuse
 * phase within its limit in every slot, each car at most its energy. Minimum currents are left out
 * (they make it a MIP) and a switchable single-phase car may split over phases, so its optimum bounds
 * ours. `goal`: the most energy, or the cheapest way to deliver at least `atLeastWh` per car.
 */
export function solveDay(solver: LpSolver, day: Day, goal: LpGoal): LpOutcome {
  const objective: string[] = [];
  const rows: string[] = [];
  const bounds: string[] = [];
  const onPhase: string[][][] = Array.from({ length: DAY_SLOTS }, () => [[], [], []]);
  const columnsOf = new Map<string, { name: string; whPerAmp: number }[]>();
  const slotOf = new Map<string, number>();
  day.cars.forEach((car, index) => {
    const columns: { name: string; whPerAmp: number }[] = [];
    for (let slot = car.arrival; slot < car.departure; slot++) {
      const phases = car.switchable ? [0, 1, 2] : car.phases;
      const whPerAmp = (car.switchable ? 1 : car.phases.length) * VOLTAGE * SLOT_HOURS;
      const names = phases.map((phase) => `x_${index}_${slot}_${phase}`);
      const current = car.switchable ? names : [names[0]];
      for (const [at, phase] of phases.entries())
        onPhase[slot][phase].push(car.switchable ? names[at] : names[0]);
      for (const name of current) {
        slotOf.set(name, slot);
        columns.push({ name, whPerAmp });
        bounds.push(`0 <= ${name} <= ${car.maxAmps}`);
        // With prices, energy still comes first: a Wh is worth more than any price difference (< 100 per kWh).
        const price =
          goal.kind === 'cost'
            ? (whPerAmp / 1000) * goal.prices[slot]
            : whPerAmp * (1 - (goal.prices?.[slot] ?? 0) / 100_000);
        objective.push(`${price} ${name}`);
      }
      if (car.switchable) rows.push(` c_${index}_${slot}: ${names.join(' + ')} <= ${car.maxAmps}`);
    }
    columnsOf.set(car.id, columns);
    if (columns.length === 0) return;
    const energy = columns.map((column) => `${column.whPerAmp} ${column.name}`).join(' + ');
    rows.push(` e_${index}: ${energy} <= ${car.energyWh}`);
    if (goal.kind === 'cost') rows.push(` m_${index}: ${energy} >= ${goal.atLeastWh.get(car.id) ?? 0}`);
  });
  for (let slot = 0; slot < DAY_SLOTS; slot++) {
    for (let phase = 0; phase < 3; phase++) {
      const names = [...new Set(onPhase[slot][phase])];
      if (names.length) rows.push(` f_${slot}_${phase}: ${names.join(' + ')} <= ${day.fuseAmps}`);
    }
  }
  const model = [
    goal.kind === 'energy' ? 'Maximize' : 'Minimize',
    ` obj: ${objective.join(' + ')}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    'End',
  ].join('\n');
  const started = process.hrtime.bigint();
  const solution = solver.solve(model, { presolve: 'on' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status}`);
  const deliveredWh = new Map<string, number>();
  for (const car of day.cars) deliveredWh.set(car.id, deliveredOf(car, columnsOf, solution.Columns));
  const slotWh = new Array<number>(DAY_SLOTS).fill(0);
  const carSlotWh = new Map<string, number[]>();
  for (const [carId, columns] of columnsOf) {
    const perSlot = new Array<number>(DAY_SLOTS).fill(0);
    for (const column of columns) {
      const wh = (solution.Columns[column.name]?.Primal ?? 0) * column.whPerAmp;
      perSlot[slotOf.get(column.name)!] += wh;
      slotWh[slotOf.get(column.name)!] += wh;
    }
    carSlotWh.set(carId, perSlot);
  }
  return { deliveredWh, slotWh, carSlotWh, objective: solution.ObjectiveValue, seconds };
}

function deliveredOf(
  car: DayCar,
  columnsOf: Map<string, { name: string; whPerAmp: number }[]>,
  values: Record<string, { Primal: number }>,
): number {
  return (columnsOf.get(car.id) ?? []).reduce(
    (total, column) => total + (values[column.name]?.Primal ?? 0) * column.whPerAmp,
    0,
  );
}
