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

/** A group's fuses, each with its path to the root and the base load it carries: read once per plan. */
export interface FuseTree {
  fuses: readonly FuseInput[];
  paths: Map<string, string[]>;
  baseAmps: Map<string, PhaseVector>;
}

export function fuseTree(fuses: readonly FuseInput[]): FuseTree {
  const paths = fusePaths(fuses);
  return { fuses, paths, baseAmps: subtreeBaseAmps(fuses, paths) };
}

/**
 * The constraints of `sessions` (already given their phases) under the tree's fuses: each fuse on
 * each phase it limits, each peak-shaving limit, each imbalance limit as the six "phase p minus
 * phase q" pairs.
 */
export function buildConstraintModel(
  { fuses, paths, baseAmps: base }: FuseTree,
  sessions: readonly SessionInput[],
  phasesOf: readonly Phase[][],
): ConstraintModel {
  const constraints: Constraint[] = [];
  const sessionConstraints: number[][] = sessions.map(() => []);
  const sessionCoefficients: number[][] = sessions.map(() => []);
  const constraintMembers: number[][] = [];
  const constraintCoefficients: number[][] = [];
  // Each fuse's sessions (those under it), so a constraint visits its members only.
  const sessionsUnder = new Map<string, number[]>(fuses.map((fuse) => [fuse.id, []]));
  sessions.forEach((session, index) => {
    for (const fuseId of paths.get(session.fuseId) ?? [session.fuseId])
      sessionsUnder.get(fuseId)?.push(index);
  });
  const add = (
    constraint: Constraint,
    candidates: readonly number[],
    coefficientOf: (index: number) => number,
  ): void => {
    const members: number[] = [];
    const coefficients: number[] = [];
    for (const index of candidates) {
      const coefficient = coefficientOf(index);
      if (coefficient === 0) continue;
      members.push(index);
      coefficients.push(coefficient);
    }
    if (members.length === 0) return;
    const id = constraints.push(constraint) - 1;
    constraintMembers.push(members);
    constraintCoefficients.push(coefficients);
    members.forEach((index, at) => {
      sessionConstraints[index].push(id);
      sessionCoefficients[index].push(coefficients[at]);
    });
  };
  for (const fuse of fuses) {
    const under = sessionsUnder.get(fuse.id)!;
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
        under,
        (index) => (phasesOf[index].includes(phase) ? 1 : 0),
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
        under,
        (index) => phasesOf[index].length * sessions[index].voltage,
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
            under,
            (index) => {
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
