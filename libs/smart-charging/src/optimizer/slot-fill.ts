import { ConstraintModel } from './constraint-model';
import { ReasonCode } from './optimizer.types';

const EPSILON = 1e-9;

/** What one session brings to a slot. */
export interface SlotDemand {
  /** Taking part in this slot at all (present, still wanting energy). */
  present: boolean;
  /** Its floor: paused below it. */
  minAmps: number;
  /** The most it may take in this slot (its own limits, what it still needs). */
  capAmps: number;
  /** Its weight in the fair share. */
  weight: number;
}

/** Why a session ended where it did in a slot: a constraint (index) or its own cap. */
export type SlotLimit =
  | { readonly kind: 'constraint'; readonly constraint: number }
  | { readonly kind: 'cap' }
  | { readonly kind: 'paused'; readonly constraint: number }
  | { readonly kind: 'absent' };

// Shared: a fill runs for every slot of every area, so it allocates no more than it must.
const ABSENT: SlotLimit = { kind: 'absent' };
const CAP: SlotLimit = { kind: 'cap' };

export interface SlotAllocation {
  amps: Float64Array;
  limits: SlotLimit[];
}

/**
 * One slot's currents, in the objectives' order:
 * 1. fuses (hard constraints) are never exceeded;
 * 2. sessions are admitted at their minimum current in `admissionOrder` (priority, then who was
 *    charging, then arrival) while every hard constraint they sit under has room; the others pause;
 * 3. what is left is shared max-min fairly by progressive filling: every admitted session grows at
 *    its weight until its cap or a constraint (hard, or soft: peak shaving, phase imbalance) stops
 *    it. A constraint with members on both sides (imbalance) only stops those that worsen it.
 * `capacityScale` shrinks the scalable capacities (a future slot's share).
 */
export function fillSlot(
  model: ConstraintModel,
  demands: readonly SlotDemand[],
  admissionOrder: readonly number[],
  capacityScale: number,
): SlotAllocation {
  const { constraints, sessionConstraints, sessionCoefficients } = model;
  const slack = new Float64Array(constraints.length);
  constraints.forEach((constraint, index) => {
    slack[index] = constraint.scalable ? constraint.capacity * capacityScale : constraint.capacity;
  });
  const amps = new Float64Array(demands.length);
  const limits = new Array<SlotLimit>(demands.length).fill(ABSENT);
  const active: number[] = [];

  for (const index of admissionOrder) {
    const demand = demands[index];
    if (!demand.present || demand.capAmps <= EPSILON) continue;
    const floor = demand.minAmps;
    const members = sessionConstraints[index];
    const coefficients = sessionCoefficients[index];
    let blocking = -1;
    for (let at = 0; at < members.length; at++) {
      const constraint = members[at];
      if (!constraints[constraint].hard) continue;
      if (slack[constraint] - coefficients[at] * floor < -EPSILON) {
        blocking = constraint;
        break;
      }
    }
    if (blocking >= 0) {
      limits[index] = { kind: 'paused', constraint: blocking };
      continue;
    }
    amps[index] = floor;
    for (let at = 0; at < members.length; at++) slack[members[at]] -= coefficients[at] * floor;
    if (demand.capAmps > floor + EPSILON) active.push(index);
    else limits[index] = CAP;
  }

  // Growth rate of each constraint's load: the weights of its growing members, kept up to date as
  // sessions freeze, so that a round costs the constraints and the growing sessions, not every pair.
  const rate = new Float64Array(constraints.length);
  const frozen = new Uint8Array(demands.length).fill(1);
  const grow = (index: number, sign: number): void => {
    const weight = demands[index].weight * sign;
    const members = sessionConstraints[index];
    const coefficients = sessionCoefficients[index];
    for (let at = 0; at < members.length; at++) rate[members[at]] += coefficients[at] * weight;
  };
  const freeze = (index: number, limit: SlotLimit): void => {
    limits[index] = limit;
    frozen[index] = 1;
    grow(index, -1);
  };
  for (const index of active) {
    frozen[index] = 0;
    grow(index, 1);
  }
  while (active.length > 0) {
    let step = Infinity;
    for (const index of active)
      step = Math.min(step, (demands[index].capAmps - amps[index]) / demands[index].weight);
    for (let constraint = 0; constraint < constraints.length; constraint++) {
      if (rate[constraint] > EPSILON)
        step = Math.min(step, Math.max(0, slack[constraint]) / rate[constraint]);
    }
    if (step > 0 && Number.isFinite(step)) {
      for (const index of active) amps[index] += demands[index].weight * step;
      for (let constraint = 0; constraint < constraints.length; constraint++)
        slack[constraint] -= rate[constraint] * step;
    }
    let frozenNow = 0;
    for (const index of active) {
      if (demands[index].capAmps - amps[index] <= EPSILON) {
        amps[index] = demands[index].capAmps;
        freeze(index, CAP);
        frozenNow++;
      }
    }
    for (let constraint = 0; constraint < constraints.length; constraint++) {
      if (
        rate[constraint] <= EPSILON ||
        slack[constraint] > EPSILON * (1 + Math.abs(constraints[constraint].capacity))
      )
        continue;
      const members = model.constraintMembers[constraint];
      const coefficients = model.constraintCoefficients[constraint];
      const limit: SlotLimit = { kind: 'constraint', constraint };
      for (let at = 0; at < members.length; at++) {
        const index = members[at];
        if (frozen[index] || coefficients[at] <= 0) continue;
        freeze(index, limit);
        frozenNow++;
      }
    }
    if (frozenNow === 0) {
      // Rounding left every step at zero without a binding constraint: stop the one closest to its cap.
      const closest = active.reduce((best, index) =>
        demands[index].capAmps - amps[index] < demands[best].capAmps - amps[best] ? index : best,
      );
      freeze(closest, CAP);
    }
    let kept = 0;
    for (const index of active) if (!frozen[index]) active[kept++] = index;
    active.length = kept;
  }
  return { amps, limits };
}

/**
 * One slot's currents when energy has a price and the slots are filled cheapest first: each session
 * in `order` (the one whose departure leaves it the fewest slots first) takes what it still needs,
 * up to its cap and what every constraint it sits under has left, or pauses below its minimum. A
 * session that stays longer has every slot the earlier one has and more, so giving the earlier one
 * the cheap slot first is what lets both charge cheaply (water-filling by deadline); fair sharing
 * slot by slot would split the cheap slot and push the earlier car into dear ones.
 */
export function fillSlotInOrder(
  model: ConstraintModel,
  demands: readonly SlotDemand[],
  order: readonly number[],
  capacityScale: number,
  reuse?: { slack: Float64Array; amps: Float64Array },
): SlotAllocation {
  const { constraints, sessionConstraints, sessionCoefficients } = model;
  // The other slots of a plan need only the currents: their buffers are reused and no limits kept.
  const slack = reuse?.slack ?? new Float64Array(constraints.length);
  for (let index = 0; index < constraints.length; index++) {
    const constraint = constraints[index];
    slack[index] = constraint.scalable ? constraint.capacity * capacityScale : constraint.capacity;
  }
  const amps = reuse?.amps.fill(0) ?? new Float64Array(demands.length);
  const limits = reuse ? [] : new Array<SlotLimit>(demands.length).fill(ABSENT);
  for (const index of order) {
    const demand = demands[index];
    if (!demand.present || demand.capAmps <= EPSILON) continue;
    const members = sessionConstraints[index];
    const coefficients = sessionCoefficients[index];
    let room = demand.capAmps;
    let binding = -1;
    for (let at = 0; at < members.length; at++) {
      if (coefficients[at] <= 0) continue;
      const fits = Math.max(0, slack[members[at]]) / coefficients[at];
      if (fits < room) {
        room = fits;
        binding = members[at];
      }
    }
    if (room < demand.minAmps - EPSILON) {
      if (!reuse) limits[index] = { kind: 'paused', constraint: binding };
      continue;
    }
    amps[index] = room;
    if (!reuse) limits[index] = binding >= 0 ? { kind: 'constraint', constraint: binding } : CAP;
    for (let at = 0; at < members.length; at++) slack[members[at]] -= coefficients[at] * room;
  }
  return { amps, limits };
}

/** The reason code of a slot limit's constraint. */
export function constraintCode(model: ConstraintModel, constraint: number): ReasonCode {
  return model.constraints[constraint].code;
}
