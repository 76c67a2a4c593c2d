import { FuseInput, PHASES, Phase, PhaseVector, ReasonCode, SessionInput } from './optimizer.types';

/**
 * One linear constraint on the sessions' currents of a slot: Σ coef·x ≤ capacity. Fuses are hard
 * (never exceeded, minimum currents included); peak shaving and phase balancing are soft (they cap
 * what is shared above the minimum currents, as the objectives' order says).
 */
export interface Constraint {
  hard: boolean;
  code: ReasonCode;
  /** How a reason names it: "fuse L2 of area Garage". */
  label: string;
  capacity: number;
  /** Whether the capacity shrinks with the future capacity share (fuses and peaks: yes). */
  scalable: boolean;
}

/** The constraints of a group of sessions sharing a fuse tree, indexed both ways for the fill. */
export interface ConstraintModel {
  constraints: Constraint[];
  /** Per session: the constraints it takes part in, and its coefficient in each. */
  sessionConstraints: number[][];
  sessionCoefficients: number[][];
  /** Per constraint: its sessions, and their coefficients. */
  constraintMembers: number[][];
  constraintCoefficients: number[][];
}

const PHASE_NAMES = ['L1', 'L2', 'L3'];

/** Each fuse's path to the root (itself first); fuses whose parent is unknown are roots. */
export function fusePaths(fuses: readonly FuseInput[]): Map<string, string[]> {
  const byId = new Map(fuses.map((fuse) => [fuse.id, fuse]));
  const paths = new Map<string, string[]>();
  for (const fuse of fuses) {
    const path: string[] = [];
    const seen = new Set<string>();
    for (let current: FuseInput | undefined = fuse; current && !seen.has(current.id);) {
      seen.add(current.id);
      path.push(current.id);
      current = current.parentId ? byId.get(current.parentId) : undefined;
    }
    paths.set(fuse.id, path);
  }
  return paths;
}

/** Every fuse's own base load plus those of the fuses under it (a fuse carries all below it). */
export function subtreeBaseAmps(
  fuses: readonly FuseInput[],
  paths: Map<string, string[]>,
): Map<string, PhaseVector> {
  const totals = new Map<string, PhaseVector>(fuses.map((fuse) => [fuse.id, [0, 0, 0]]));
  for (const fuse of fuses) {
    if (!fuse.baseAmps) continue;
    for (const ancestor of paths.get(fuse.id) ?? []) {
      const total = totals.get(ancestor)!;
      for (const phase of PHASES) total[phase] += fuse.baseAmps[phase];
    }
  }
  return totals;
}

/**
 * The constraints of `sessions` (already given their phases) under `fuses`: each fuse on each phase
 * it limits, each peak-shaving limit, each imbalance limit as the six "phase p minus phase q" pairs.
 */
export function buildConstraintModel(
  fuses: readonly FuseInput[],
  sessions: readonly SessionInput[],
  phasesOf: readonly Phase[][],
): ConstraintModel {
  const paths = fusePaths(fuses);
  const base = subtreeBaseAmps(fuses, paths);
  const constraints: Constraint[] = [];
  const sessionConstraints: number[][] = sessions.map(() => []);
  const sessionCoefficients: number[][] = sessions.map(() => []);
  const constraintMembers: number[][] = [];
  const constraintCoefficients: number[][] = [];
  const sessionPaths = sessions.map((session) => new Set(paths.get(session.fuseId) ?? [session.fuseId]));
  const add = (constraint: Constraint, coefficientOf: (index: number) => number): void => {
    const members: [number, number][] = [];
    sessions.forEach((_, index) => {
      const coefficient = coefficientOf(index);
      if (coefficient !== 0) members.push([index, coefficient]);
    });
    if (members.length === 0) return;
    const id = constraints.push(constraint) - 1;
    constraintMembers.push(members.map(([index]) => index));
    constraintCoefficients.push(members.map(([, coefficient]) => coefficient));
    for (const [index, coefficient] of members) {
      sessionConstraints[index].push(id);
      sessionCoefficients[index].push(coefficient);
    }
  };
  for (const fuse of fuses) {
    const under = (index: number): boolean => sessionPaths[index].has(fuse.id);
    const load = base.get(fuse.id)!;
    for (const phase of PHASES) {
      if (!Number.isFinite(fuse.limitAmps[phase])) continue;
      add(
        {
          hard: true,
          code: ReasonCode.FUSE,
          label: `fuse ${PHASE_NAMES[phase]} of ${fuse.label}`,
          capacity: fuse.limitAmps[phase] - load[phase],
          scalable: true,
        },
        (index) => (under(index) && phasesOf[index].includes(phase) ? 1 : 0),
      );
    }
    if (fuse.peakWatts !== undefined) {
      add(
        {
          hard: false,
          code: ReasonCode.PEAK,
          label: `peak-shaving limit of ${fuse.label} (${round(fuse.peakWatts / 1000)} kW)`,
          capacity: fuse.peakWatts - (load[0] + load[1] + load[2]) * fuse.voltage,
          scalable: true,
        },
        (index) => (under(index) ? phasesOf[index].length * sessions[index].voltage : 0),
      );
    }
    if (fuse.maxImbalanceAmps !== undefined) {
      for (const high of PHASES) {
        for (const low of PHASES) {
          if (high === low) continue;
          add(
            {
              hard: false,
              code: ReasonCode.IMBALANCE,
              label: `phase imbalance limit of ${fuse.label} (${round(fuse.maxImbalanceAmps)} A)`,
              capacity: fuse.maxImbalanceAmps - (load[high] - load[low]),
              scalable: false,
            },
            (index) => {
              if (!under(index)) return 0;
              const phases = phasesOf[index];
              return (phases.includes(high) ? 1 : 0) - (phases.includes(low) ? 1 : 0);
            },
          );
        }
      }
    }
  }
  return { constraints, sessionConstraints, sessionCoefficients, constraintMembers, constraintCoefficients };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
