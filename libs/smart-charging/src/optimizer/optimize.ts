import { ConstraintModel, buildConstraintModel, fuseTree } from './constraint-model';
import {
  ExpectedArrival,
  FuseInput,
  OptimizerInput,
  OptimizerResult,
  Phase,
  PlanReason,
  ReasonCode,
  SessionInput,
  SessionPlan,
} from './optimizer.types';
import { repairShortfalls } from './energy-repair';
import { choosePhases } from './phase-choice';
import { SlotAllocation, SlotDemand, fillSlot, fillSlotInOrder } from './slot-fill';

const EPSILON = 1e-6;

/**
 * Plans every session's current per slot over the horizon: a pure, deterministic function (same
 * input, same output; no clock, no randomness, ties broken by ids).
 *
 * Objectives, in order: fuses are never exceeded on any phase (hard); every session gets at least its
 * minimum current or is paused, by priority; the rest is shared max-min fairly, weighted by priority;
 * peak shaving and phase balancing cap what is shared above the minimums; energy with a known need
 * and departure goes into the cheapest slots before the departure (slots are filled cheapest first,
 * each one fairly); single-phase sessions that can switch go on the least-loaded phase.
 *
 * Independent fuse trees (site areas without a common parent) are planned apart.
 */
export function optimize(input: OptimizerInput): OptimizerResult {
  const plans: SessionPlan[] = [];
  for (const group of independentGroups(input))
    plans.push(...planGroup(input, group.fuses, group.sessions, group.arrivals));
  const order = new Map(input.sessions.map((session, index) => [session.id, index]));
  plans.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  return { sessions: plans };
}

interface Group {
  fuses: FuseInput[];
  sessions: SessionInput[];
  arrivals: ExpectedArrival[];
}

/** Fuses grouped by the root of their tree, with the sessions under them. */
function independentGroups(input: OptimizerInput): Group[] {
  const parentOf = new Map(input.fuses.map((fuse) => [fuse.id, fuse.parentId]));
  const rootOf = (id: string): string => {
    const seen = new Set<string>();
    let current = id;
    for (
      let parent = parentOf.get(current);
      parent !== undefined && parentOf.has(parent);
      parent = parentOf.get(current)
    ) {
      if (seen.has(parent)) break;
      seen.add(current);
      current = parent;
    }
    return current;
  };
  const groups = new Map<string, Group>();
  const groupOf = (root: string): Group => {
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { fuses: [], sessions: [], arrivals: [] }));
    return group;
  };
  for (const fuse of input.fuses) groupOf(rootOf(fuse.id)).fuses.push(fuse);
  for (const session of input.sessions) groupOf(rootOf(session.fuseId)).sessions.push(session);
  for (const arrival of input.expectedArrivals ?? []) groupOf(rootOf(arrival.fuseId)).arrivals.push(arrival);
  return [...groups.values()].filter((group) => group.sessions.length > 0);
}

/**
 * Who gets the minimum current first: higher priority, then (among equals) who has drawn fewer
 * ampere-hours per phase from the fuses (what they share), a session that is charging counting one
 * slot at its minimum less so that pauses rotate every slot or so rather than flap; then arrival,
 * then id.
 */
function admissionOrder(
  sessions: readonly SessionInput[],
  servedWh: readonly number[],
  on: readonly boolean[],
): number[] {
  const served = sessions.map(
    (session, index) =>
      servedWh[index] / (session.phases.length * session.voltage) - (on[index] ? session.minAmps * 0.25 : 0),
  );
  return sessions
    .map((_, index) => index)
    .sort((a, b) => {
      const x = sessions[a];
      const y = sessions[b];
      return (
        y.priority - x.priority ||
        served[a] - served[b] ||
        x.order - y.order ||
        (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
      );
    });
}

function planGroup(
  input: OptimizerInput,
  fuses: FuseInput[],
  present: SessionInput[],
  arrivals: ExpectedArrival[],
): SessionPlan[] {
  const slots = input.slotCount;
  const hoursOf = (slot: number): number =>
    slot === 0 ? (input.firstSlotHours ?? input.slotHours) : input.slotHours;
  const prices = input.prices && input.prices.length >= slots ? input.prices : undefined;
  const share = Math.min(1, Math.max(0, input.futureCapacityShare ?? 1));
  const received = present.map((session) => session.receivedWh ?? 0);
  const charging = present.map((session) => session.charging);
  // Expected arrivals are planned after the cars present as sessions of their own (they only change
  // which slots are left cheap, so only with prices), and dropped from the result.
  const expected = prices ? expectedSessions(arrivals, slots) : [];
  const sessions = [...present, ...expected.map((entry) => entry.session)];
  const arrivalSlot = sessions.map((_, index) =>
    index < present.length ? 0 : expected[index - present.length].arrivalSlot,
  );
  const tree = fuseTree(fuses);
  const phases = [
    ...choosePhases(tree, present, admissionOrder(present, received, charging)),
    ...expected.map((entry) => entry.session.phases),
  ];
  const model = buildConstraintModel(tree, sessions, phases);

  const wantsEnergy = sessions.map((session) => session.energyWh === undefined || session.energyWh > EPSILON);
  const deferrable = sessions.map(
    (session, index) =>
      prices !== undefined &&
      session.energyWh !== undefined &&
      session.departureSlot !== undefined &&
      wantsEnergy[index],
  );
  /** Grid energy still to plan, Wh: enforced slot by slot unless prices make it a trim afterwards. */
  const remaining = sessions.map((session) =>
    session.energyWh === undefined ? Infinity : Math.max(0, session.energyWh) / session.efficiency,
  );
  const enforced = sessions.map((_, index) => prices === undefined || deferrable[index]);
  const wattsPerAmp = sessions.map((session, index) => phases[index].length * session.voltage);
  const slotHours = Array.from({ length: slots }, (_, slot) => hoursOf(slot));
  const whPerAmp = (index: number, slot: number): number => wattsPerAmp[index] * slotHours[slot];

  const amps = sessions.map(() => new Array<number>(slots).fill(0));
  const plannedWh = sessions.map(() => 0);
  const slotOrder = [...Array(slots).keys()];
  if (prices) slotOrder.sort((a, b) => prices[a] - prices[b] || a - b);
  const deadlineOrder = prices ? byDeadline(sessions, deferrable, arrivalSlot) : undefined;

  let firstSlot: { allocation: SlotAllocation; demands: SlotDemand[] } | undefined;
  // The last slot filled: a slot with the same sessions, caps and scale gets the same currents (and
  // when nobody was paused, the admission order made no difference either).
  let last: { caps: Float64Array; scale: number; order?: number[]; allocation: SlotAllocation } | undefined;
  const weights = sessions.map((session) => Math.max(session.priority, EPSILON));
  /** What a session may take in a slot: its own limits, and what it still needs when that is enforced. */
  const capOf = (index: number, slot: number, demand: SlotDemand): SlotDemand => {
    const session = sessions[index];
    const here =
      slot >= arrivalSlot[index] &&
      (session.departureSlot === undefined || slot < session.departureSlot) &&
      wantsEnergy[index];
    let cap = session.maxAmps < session.minAmps ? 0 : session.maxAmps;
    if (enforced[index] && remaining[index] !== Infinity) {
      // Up to the 0.1 A a schedule carries: rounded down, the last slot would leave a sliver that
      // holds a whole slot's minimum current next time.
      const needAmps = Math.ceil((remaining[index] / whPerAmp(index, slot)) * 10 - EPSILON) / 10;
      cap = remaining[index] <= EPSILON ? 0 : Math.min(cap, Math.max(session.minAmps, needAmps));
    }
    demand.present = here && cap > 0;
    demand.capAmps = cap;
    return demand;
  };
  // Priced: each slot is filled by deadline from demands written in place (a plan runs for every area
  // every few minutes: no objects per slot); slot 0's are kept for the reasons.
  const reused = deadlineOrder
    ? sessions.map((session, index): SlotDemand => ({
        present: false,
        minAmps: session.minAmps,
        capAmps: 0,
        weight: weights[index],
      }))
    : [];
  const buffers = {
    slack: new Float64Array(model.constraints.length),
    amps: new Float64Array(sessions.length),
  };
  for (const slot of slotOrder) {
    if (deadlineOrder) {
      for (let index = 0; index < sessions.length; index++) capOf(index, slot, reused[index]);
      const scale = slot > 0 ? share : 1;
      const allocation = fillSlotInOrder(
        model,
        reused,
        deadlineOrder,
        scale,
        slot === 0 ? undefined : buffers,
      );
      for (let index = 0; index < sessions.length; index++) {
        const current = allocation.amps[index];
        amps[index][slot] = current;
        if (current === 0) continue;
        const wh = current * whPerAmp(index, slot);
        plannedWh[index] += wh;
        if (enforced[index]) remaining[index] -= wh;
      }
      if (slot === 0) firstSlot = { allocation, demands: reused.map((demand) => ({ ...demand })) };
      continue;
    }
    const caps = new Float64Array(sessions.length);
    const demands = sessions.map((session, index): SlotDemand => {
      const demand = capOf(index, slot, {
        present: false,
        minAmps: session.minAmps,
        capAmps: 0,
        weight: weights[index],
      });
      caps[index] = demand.present ? demand.capAmps : -1;
      return demand;
    });
    const scale = prices && slot > 0 ? share : 1;
    let allocation: SlotAllocation | undefined;
    let order: number[] | undefined;
    const sameInputs = last !== undefined && last.scale === scale && sameValues(last.caps, caps);
    if (sameInputs && !last!.allocation.limits.some((limit) => limit.kind === 'paused')) {
      allocation = last!.allocation;
    } else {
      const on = slot > 0 && !prices ? sessions.map((_, index) => amps[index][slot - 1] > 0) : charging;
      order = admissionOrder(
        sessions,
        sessions.map((_, index) => received[index] + plannedWh[index]),
        on,
      );
      if (sameInputs && last!.order && sameValues(last!.order, order)) allocation = last!.allocation;
    }
    allocation ??= fillSlot(model, demands, order!, scale);
    last = { caps, scale, order: order ?? last?.order, allocation };
    for (let index = 0; index < sessions.length; index++) {
      const current = allocation.amps[index];
      amps[index][slot] = current;
      const wh = current * whPerAmp(index, slot);
      plannedWh[index] += wh;
      if (enforced[index]) remaining[index] -= wh;
    }
    if (slot === 0) firstSlot = { allocation, demands };
  }

  if (prices) {
    present.forEach((session, index) => {
      if (!enforced[index] && session.energyWh !== undefined)
        trimToNeed(amps[index], remaining[index], session, (slot) => whPerAmp(index, slot));
    });
  }
  // The repair sees only the cars present: room kept for expected arrivals is theirs if they would
  // otherwise leave short (a forecast never starves a car that is there).
  repairShortfalls({
    model,
    amps: amps.slice(0, present.length),
    slots,
    minAmps: present.map((session) => session.minAmps),
    maxAmps: present.map((session) => (session.maxAmps < session.minAmps ? 0 : session.maxAmps)),
    needWh: present.map((session) =>
      session.energyWh !== undefined && session.departureSlot !== undefined
        ? Math.max(0, session.energyWh) / session.efficiency
        : Infinity,
    ),
    departure: present.map((session) => session.departureSlot ?? slots),
    whPerAmp,
    capacityScale: (slot) => (prices && slot > 0 ? share : 1),
    prices,
  });

  return present.map((session, index) => {
    const rounded = amps[index].map(roundDown);
    return {
      id: session.id,
      amps: rounded,
      phases: phases[index],
      reason: reasonOf(session, index, rounded, model, firstSlot, deferrable[index], wantsEnergy[index]),
    };
  });
}

/** Expected arrivals as sessions: three-phase, no minimum, after every car present among equals. */
function expectedSessions(
  arrivals: readonly ExpectedArrival[],
  slots: number,
): { session: SessionInput; arrivalSlot: number }[] {
  return arrivals
    .filter(
      (arrival) =>
        arrival.arrivalSlot >= 1 &&
        arrival.arrivalSlot < Math.min(slots, arrival.departureSlot) &&
        arrival.energyWh > EPSILON &&
        arrival.maxAmps > EPSILON,
    )
    .map((arrival, index) => ({
      arrivalSlot: arrival.arrivalSlot,
      session: {
        id: `expected:${index}`,
        fuseId: arrival.fuseId,
        phases: [0, 1, 2],
        minAmps: 0,
        maxAmps: arrival.maxAmps,
        maxLabel: 'expected arrivals',
        voltage: arrival.voltage,
        efficiency: 1,
        priority: 1,
        energyWh: arrival.energyWh,
        departureSlot: arrival.departureSlot,
        charging: false,
        order: Number.MAX_SAFE_INTEGER,
      },
    }));
}

/**
 * Who takes a priced slot first: higher priority, then sessions with a known need and departure by
 * departure (the fewest slots left first), then the others; then arrival, then id.
 */
function byDeadline(
  sessions: readonly SessionInput[],
  deferrable: readonly boolean[],
  arrivalSlot: readonly number[],
): number[] {
  const departure = (index: number): number =>
    deferrable[index] ? sessions[index].departureSlot! - arrivalSlot[index] : Number.POSITIVE_INFINITY;
  return sessions
    .map((_, index) => index)
    .sort((a, b) => {
      const x = sessions[a];
      const y = sessions[b];
      return (
        y.priority - x.priority ||
        departure(a) - departure(b) ||
        x.order - y.order ||
        (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
      );
    });
}

/** A session whose need was not enforced slot by slot keeps its earliest slots up to its need. */
function trimToNeed(
  amps: number[],
  needWh: number,
  session: SessionInput,
  whPerAmp: (slot: number) => number,
): void {
  let left = needWh;
  for (let slot = 0; slot < amps.length; slot++) {
    if (left <= EPSILON) {
      amps[slot] = 0;
      continue;
    }
    const needAmps = Math.max(session.minAmps, left / whPerAmp(slot));
    amps[slot] = Math.min(amps[slot], needAmps);
    left -= amps[slot] * whPerAmp(slot);
  }
}

/** Rounded down to the 0.1 A a schedule carries (down: a fuse is never exceeded by rounding). */
function roundDown(value: number): number {
  return Math.floor(value * 10 + 1e-6) / 10;
}

function reasonOf(
  session: SessionInput,
  index: number,
  amps: number[],
  model: ConstraintModel,
  firstSlot: { allocation: SlotAllocation; demands: SlotDemand[] } | undefined,
  deferrable: boolean,
  wantsEnergy: boolean,
): PlanReason {
  if (session.departureSlot !== undefined && session.departureSlot <= 0) {
    return { code: ReasonCode.DONE, text: 'departed' };
  }
  if (!wantsEnergy) return { code: ReasonCode.DONE, text: 'target reached' };
  if (session.maxAmps < session.minAmps) {
    return {
      code: ReasonCode.BELOW_MINIMUM,
      text: `paused: ${session.maxLabel} (${roundDown(session.maxAmps)} A) is below the minimum ${session.minAmps} A`,
    };
  }
  const limit = firstSlot?.allocation.limits[index];
  if (limit?.kind === 'paused') {
    return {
      code: ReasonCode.PAUSED,
      text: `paused: no room for its minimum ${session.minAmps} A under the ${model.constraints[limit.constraint].label}`,
    };
  }
  if (amps[0] === 0) {
    const fromSlot = amps.findIndex((value) => value > 0);
    if (deferrable && fromSlot > 0) {
      return { code: ReasonCode.COST, text: 'waits for cheaper energy before its departure', fromSlot };
    }
    return { code: ReasonCode.PAUSED, text: 'paused: no room before its departure' };
  }
  if (limit?.kind === 'constraint') {
    const constraint = model.constraints[limit.constraint];
    return { code: constraint.code, text: `limited by the ${constraint.label}` };
  }
  const demand = firstSlot?.demands[index];
  if (demand && demand.capAmps < session.maxAmps - EPSILON) {
    const kwh = Math.round(((session.energyWh ?? 0) / 1000) * 10) / 10;
    return { code: ReasonCode.ENERGY, text: `needs only ${kwh} kWh more` };
  }
  return { code: ReasonCode.SESSION_LIMIT, text: `${session.maxLabel} (${roundDown(session.maxAmps)} A)` };
}

export type { Phase };

function sameValues(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}
