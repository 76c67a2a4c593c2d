import { ConstraintModel } from './constraint-model';

const EPSILON = 1e-6;
const SWAPS_PER_SESSION = 20;

/** What the repair needs to know of a group's plan. */
export interface RepairContext {
  model: ConstraintModel;
  /** A per session and slot, changed in place. */
  amps: number[][];
  slots: number;
  minAmps: readonly number[];
  maxAmps: readonly number[];
  /** Grid Wh each session still wants over the horizon (Infinity: no known need). */
  needWh: readonly number[];
  /** First slot each session is gone (slots: present to the end). */
  departure: readonly number[];
  whPerAmp(session: number, slot: number): number;
  capacityScale(slot: number): number;
  /** Price per slot, when energy has one: the cheapest slots are repaired first, else the earliest. */
  prices?: readonly number[];
}

/**
 * Fair sharing slot by slot lets a car that leaves soon fall short while one that stays all day gets
 * the same current now and has hours left to catch up. This moves current, in a slot before the
 * short car leaves, from a car staying longer to the short one, and gives the staying car the same
 * energy back after the short car has left (where the fuses have room), or lets the short car take
 * room that is simply free. Nobody ends with less energy by their departure. The earliest slots are
 * repaired first (the cheapest, when energy has a price): the plan is made again every quarter hour
 * and only its first slot is ever drawn, so a shortfall left for later is overtaken by cars arriving
 * meanwhile and the car leaves short after all.
 */
export function repairShortfalls(context: RepairContext): void {
  const { model, amps, slots, departure } = context;
  const sessions = amps.length;
  const planned = amps.map((row, session) =>
    row.reduce((total, current, slot) => total + current * context.whPerAmp(session, slot), 0),
  );
  const short = [...Array(sessions).keys()]
    .filter(
      (session) => Number.isFinite(context.needWh[session]) && planned[session] < context.needWh[session] - 1,
    )
    .sort((a, b) => departure[a] - departure[b] || a - b);
  // Nothing short (the common case): no slack per slot is built at all.
  if (short.length === 0) return;
  const slack = slackBySlot(context);
  const width = model.constraints.length;
  const donors = [...Array(sessions).keys()].sort((a, b) => departure[b] - departure[a] || a - b);
  // Slots where a donor can never take current back: the repair only ever lowers later slots' room.
  const full = amps.map(() => new Uint8Array(slots));
  /**
   * Per donor, the slots from the short session's departure on where it may still take current back.
   * Departures only grow and slots only fill, so each count is kept up to date rather than recounted.
   */
  const open = Int32Array.from(departure, (leaves) => Math.min(leaves, slots));
  /** The departure of the short session being repaired: slots from it on are where donors get energy back. */
  let openFrom = 0;
  const openFromSlot = (from: number): void => {
    for (let donor = 0; donor < sessions; donor++) {
      for (let slot = openFrom; slot < Math.min(from, departure[donor], slots); slot++)
        if (!full[donor][slot]) open[donor]--;
    }
    openFrom = from;
  };
  /**
   * Per donor, the most current any slot after the short session's departure had room for, when a
   * swap last searched them all in vain. Short sessions are repaired by departure, so later ones
   * search fewer slots, and those slots' room only shrinks until a session with a negative
   * coefficient (a phase-imbalance pair) draws more there: a swap needing more back fails unsearched.
   */
  const mostRoom = new Float64Array(sessions).fill(Infinity);
  const makesRoom = model.sessionCoefficients.map((coefficients) => coefficients.some((value) => value < 0));

  const headroom = (session: number, slot: number): number => {
    const members = model.sessionConstraints[session];
    const coefficients = model.sessionCoefficients[session];
    let room = Infinity;
    for (let at = 0; at < members.length; at++) {
      if (coefficients[at] > 0)
        room = Math.min(room, Math.max(0, slack[slot * width + members[at]]) / coefficients[at]);
    }
    return room;
  };
  const change = (session: number, slot: number, delta: number): void => {
    if (delta > 0 && slot >= openFrom && makesRoom[session]) mostRoom.fill(Infinity);
    amps[session][slot] += delta;
    const members = model.sessionConstraints[session];
    const coefficients = model.sessionCoefficients[session];
    for (let at = 0; at < members.length; at++) slack[slot * width + members[at]] -= coefficients[at] * delta;
  };
  /** How much more a session could take in a slot, honouring its minimum when it starts from 0. */
  const roomFor = (session: number, slot: number, wanted: number): number => {
    const current = amps[session][slot];
    const room = Math.min(wanted, context.maxAmps[session] - current, headroom(session, slot));
    if (room <= EPSILON) return 0;
    return current <= EPSILON && room < context.minAmps[session] - EPSILON ? 0 : room;
  };

  // Cheapest first (else earliest): sorted once, each short session takes the slots before it leaves.
  const slotOrder = [...Array(slots).keys()];
  const prices = context.prices;
  if (prices) slotOrder.sort((a, b) => prices[a] - prices[b] || a - b);
  const repairOrder = (end: number): number[] => slotOrder.filter((slot) => slot < end);
  /** Searches of a donor's later slots per session planned: bounds the work when needs cannot all be met. */
  let budget = SWAPS_PER_SESSION * sessions;
  for (const session of short) {
    let missing = context.needWh[session] - planned[session];
    const end = Math.min(departure[session], slots);
    openFromSlot(end);
    const candidates = donors.filter(
      (donor) => donor !== session && departure[donor] > departure[session] && open[donor] > 0,
    );
    for (const slot of repairOrder(end)) {
      if (missing <= 1) break;
      const perAmp = context.whPerAmp(session, slot);
      const direct = roomFor(session, slot, missing / perAmp);
      if (direct > 0) {
        change(session, slot, direct);
        missing -= direct * perAmp;
      }
      for (const donor of candidates) {
        if (missing <= 1) break;
        if (amps[donor][slot] <= EPSILON || open[donor] === 0) continue;
        missing -= swap(session, donor, slot, end, missing / perAmp) * perAmp;
        if (budget < 0) return;
      }
    }
  }

  /**
   * Moves up to `wanted` A at `slot` from `donor` to `session`, the donor getting the same energy
   * back after `sessionEnd`. Returns the amperes the session gained.
   */
  function swap(session: number, donor: number, slot: number, sessionEnd: number, wanted: number): number {
    const donorAmps = amps[donor][slot];
    const sessionAmps = amps[session][slot];
    const wantedHere = Math.min(wanted, context.maxAmps[session] - sessionAmps);
    if (wantedHere <= EPSILON) return 0;
    // Starting from 0 the session needs its minimum; the donor keeps its own, or stops altogether.
    const floor = sessionAmps <= EPSILON ? context.minAmps[session] : 0;
    const target = Math.max(wantedHere, floor);
    const give = donorAmps - target >= context.minAmps[donor] - EPSILON ? target : donorAmps;
    const donorWh = context.whPerAmp(donor, slot);
    const end = Math.min(departure[donor], slots);
    if (
      sessionEnd < end &&
      (give * donorWh) / context.whPerAmp(donor, sessionEnd) - EPSILON > mostRoom[donor]
    )
      return 0;
    // What the session would gain here: when something else limits it, no later slot changes that.
    change(donor, slot, -give);
    const gained = roomFor(session, slot, target);
    change(donor, slot, give);
    if (gained <= EPSILON || gained < floor - EPSILON) return 0;
    if (budget-- <= 0) return 0;
    let most = 0;
    for (let later = sessionEnd; later < end; later++) {
      if (full[donor][later]) continue;
      const ratio = donorWh / context.whPerAmp(donor, later);
      const wantedBack = give * ratio;
      const room = Math.min(context.maxAmps[donor] - amps[donor][later], headroom(donor, later));
      if (room <= EPSILON) {
        full[donor][later] = 1;
        open[donor]--;
        continue;
      }
      most = Math.max(most, room);
      // As roomFor: from 0, less than the donor's minimum is no room.
      const belowMinimum =
        amps[donor][later] <= EPSILON && Math.min(wantedBack, room) < context.minAmps[donor] - EPSILON;
      if (room < wantedBack - EPSILON || belowMinimum) continue;
      change(donor, slot, -give);
      change(session, slot, gained);
      // What the session could not use goes back to the donor, if that leaves it a valid current.
      const left = donorAmps - gained;
      const validLeft = left >= context.minAmps[donor] - EPSILON || left <= EPSILON;
      if (gained < give && validLeft && headroom(donor, slot) >= give - gained - EPSILON) {
        change(donor, slot, give - gained);
      }
      const back = (donorAmps - amps[donor][slot]) * ratio;
      if (amps[donor][later] <= EPSILON && back < context.minAmps[donor] - EPSILON) {
        change(session, slot, -gained);
        change(donor, slot, donorAmps - amps[donor][slot]);
        continue;
      }
      change(donor, later, back);
      return gained;
    }
    mostRoom[donor] = Math.min(mostRoom[donor], most);
    return 0;
  }
}

/** Each slot's slack per constraint, in one array: slot × constraints + constraint. */
function slackBySlot(context: RepairContext): Float64Array {
  const { model, amps, slots } = context;
  const { constraints, sessionConstraints, sessionCoefficients } = model;
  const width = constraints.length;
  const slack = new Float64Array(slots * width);
  for (let slot = 0; slot < slots; slot++) {
    const scale = context.capacityScale(slot);
    const row = slot * width;
    for (let index = 0; index < width; index++) {
      const constraint = constraints[index];
      slack[row + index] = constraint.scalable ? constraint.capacity * scale : constraint.capacity;
    }
    for (let session = 0; session < amps.length; session++) {
      const current = amps[session][slot];
      if (current === 0) continue;
      const members = sessionConstraints[session];
      const coefficients = sessionCoefficients[session];
      for (let at = 0; at < members.length; at++) slack[row + members[at]] -= coefficients[at] * current;
    }
  }
  return slack;
}
