import { seededRandom } from '../../../apps/simulator/src/model/random';
import {
  ExpectedArrival,
  FuseInput,
  OptimizerInput,
  Phase,
  SessionInput,
} from '../../../libs/smart-charging/src/optimizer/optimizer.types';
import { LpSolver } from './lp-optimum';

const VOLTAGE = 230;

/**
 * A large site for the speed target: `areas` site areas of `stations` two-connector stations each
 * (every connector with a car), each area with its own fuse, a building and some solar, a station
 * limit of 32 A, cars of every kind (a quarter single-phase, half of those switchable), half with a
 * known energy need and departure, time-of-use prices, a forecast of later arrivals in every area
 * (one window per hour of the horizon after the first, the most the forecast makes), and
 * peak-shaving and imbalance limits on every other area. Seeded.
 */
export function largeSite(
  seed: number,
  areas: number,
  stationsPerArea: number,
  slots: number,
): OptimizerInput {
  const random = seededRandom(seed);
  const fuses: FuseInput[] = [];
  const sessions: SessionInput[] = [];
  const expectedArrivals: ExpectedArrival[] = [];
  for (let area = 0; area < areas; area++) {
    const limit = 63 + Math.floor(random() * 4) * 20;
    const building = 5 + random() * 15;
    const solar = random() * 12;
    fuses.push({
      id: `area-${area}`,
      label: `area ${area}`,
      limitAmps: [limit, limit, limit],
      baseAmps: [building - solar, building * 0.6 - solar, building * 0.8 - solar],
      voltage: VOLTAGE,
      peakWatts: area % 2 === 0 ? limit * 3 * VOLTAGE * 0.8 : undefined,
      maxImbalanceAmps: area % 2 === 0 ? 20 : undefined,
    });
    for (let arrivalSlot = 1; arrivalSlot < slots; arrivalSlot += arrivalSlot === 1 ? 3 : 4) {
      expectedArrivals.push({
        fuseId: `area-${area}`,
        arrivalSlot,
        departureSlot: arrivalSlot + 4 + Math.floor(random() * 28),
        energyWh: 2_000 + random() * 10_000,
        maxAmps: 2 + random() * 10,
        voltage: VOLTAGE,
      });
    }
    for (let station = 0; station < stationsPerArea; station++) {
      const stationId = `station-${area}-${station}`;
      fuses.push({
        id: stationId,
        parentId: `area-${area}`,
        label: `station ${stationId}`,
        limitAmps: [32, 32, 32],
        voltage: VOLTAGE,
      });
      for (let connector = 1; connector <= 2; connector++) {
        const kind = random();
        const single = kind >= 0.75;
        const phase = Math.floor(random() * 3) as Phase;
        const switchable = single && random() < 0.5;
        const known = random() < 0.5;
        sessions.push({
          id: `${stationId}-${connector}`,
          fuseId: stationId,
          phases: single ? [phase] : [0, 1, 2],
          phaseOptions: switchable ? [0, 1, 2] : undefined,
          minAmps: 6,
          maxAmps: single ? (random() < 0.5 ? 16 : 32) : kind < 0.6 ? 16 : 32,
          maxLabel: "the car's maximum",
          voltage: VOLTAGE,
          efficiency: 0.9,
          priority: random() < 0.1 ? 2 : 1,
          energyWh: known ? 5_000 + random() * 40_000 : undefined,
          departureSlot: known ? 4 + Math.floor(random() * (slots - 4)) : undefined,
          charging: random() < 0.7,
          order: Math.floor(random() * 1e6),
          receivedWh: random() * 10_000,
        });
      }
    }
  }
  const prices = Array.from({ length: slots }, (_, slot) =>
    slot % 32 < 12 ? 0.34 : slot % 32 < 24 ? 0.14 : 0.38,
  );
  return {
    slotCount: slots,
    slotHours: 0.25,
    firstSlotHours: 0.2,
    fuses,
    sessions,
    prices,
    futureCapacityShare: 0.8,
    expectedArrivals,
  };
}

/**
 * The same problem as a linear program for HiGHS (the most energy within the fuses over the horizon,
 * minimum currents and phase choice relaxed): the baseline the optimizer's speed is compared with.
 * Returns the solve time in seconds.
 */
export function solveAsLp(solver: LpSolver, input: OptimizerInput): number {
  const parents = new Map(input.fuses.map((fuse) => [fuse.id, fuse.parentId]));
  const objective: string[] = [];
  const bounds: string[] = [];
  const rows: string[] = [];
  const fuseTerms = new Map<string, string[]>();
  input.sessions.forEach((session, index) => {
    const end = Math.min(input.slotCount, session.departureSlot ?? input.slotCount);
    const energy: string[] = [];
    const whPerAmp = session.phases.length * session.voltage * input.slotHours;
    for (let slot = 0; slot < end; slot++) {
      const name = `x_${index}_${slot}`;
      objective.push(`${whPerAmp} ${name}`);
      energy.push(`${whPerAmp} ${name}`);
      bounds.push(`0 <= ${name} <= ${session.maxAmps}`);
      for (let fuse: string | undefined = session.fuseId; fuse; fuse = parents.get(fuse)) {
        for (const phase of session.phases) {
          const key = `${fuse}|${phase}|${slot}`;
          fuseTerms.set(key, [...(fuseTerms.get(key) ?? []), name]);
        }
      }
    }
    if (session.energyWh !== undefined && energy.length)
      rows.push(` e_${index}: ${energy.join(' + ')} <= ${session.energyWh}`);
  });
  const fuses = new Map(input.fuses.map((fuse) => [fuse.id, fuse]));
  let row = 0;
  for (const [key, names] of fuseTerms) {
    const [fuseId, phase] = key.split('|');
    const fuse = fuses.get(fuseId)!;
    const limit = fuse.limitAmps[Number(phase)] - (fuse.baseAmps?.[Number(phase)] ?? 0);
    if (Number.isFinite(limit)) rows.push(` f_${row++}: ${names.join(' + ')} <= ${Math.max(0, limit)}`);
  }
  const model = [
    'Maximize',
    ` obj: ${objective.join(' + ')}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds,
    'End',
  ].join('\n');
  const started = process.hrtime.bigint();
  const solution = solver.solve(model, { presolve: 'on' });
  if (solution.Status !== 'Optimal') throw new Error(`HiGHS: ${solution.Status}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}
