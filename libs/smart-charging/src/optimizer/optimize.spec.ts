import { optimize } from './optimize';
import {
  ExpectedArrival,
  FuseInput,
  OptimizerInput,
  PhaseVector,
  ReasonCode,
  SessionInput,
} from './optimizer.types';

const area = (limit: number, extra: Partial<FuseInput> = {}): FuseInput => ({
  id: 'area',
  label: 'area Garage',
  limitAmps: [limit, limit, limit],
  voltage: 230,
  ...extra,
});
const station = (id: string, parentId = 'area', limit = Infinity): FuseInput => ({
  id,
  parentId,
  label: `station ${id}`,
  limitAmps: [limit, limit, limit],
  voltage: 230,
});
const session = (id: string, extra: Partial<SessionInput> = {}): SessionInput => ({
  id,
  fuseId: `st-${id}`,
  phases: [0, 1, 2],
  minAmps: 6,
  maxAmps: 32,
  maxLabel: "the connector's maximum",
  voltage: 230,
  efficiency: 1,
  priority: 1,
  charging: false,
  order: 0,
  ...extra,
});
const problem = (
  fuses: FuseInput[],
  sessions: SessionInput[],
  extra: Partial<OptimizerInput> = {},
): OptimizerInput => ({
  slotCount: 4,
  slotHours: 0.25,
  fuses: [...fuses, ...sessions.map((s) => station(s.fuseId, fuses[0].id))],
  sessions,
  ...extra,
});
const first = (input: OptimizerInput): Record<string, number> =>
  Object.fromEntries(optimize(input).sessions.map((plan) => [plan.id, plan.amps[0]]));

/** The load every fuse-phase carries in slot `slot` must stay within its limit minus its base load. */
function expectWithinFuses(input: OptimizerInput, slot = 0): void {
  const plans = optimize(input).sessions;
  const byId = new Map(input.fuses.map((fuse) => [fuse.id, fuse]));
  const load = new Map<string, PhaseVector>(
    input.fuses.map((fuse) => [fuse.id, [...(fuse.baseAmps ?? [0, 0, 0])] as PhaseVector]),
  );
  for (const fuse of input.fuses) {
    for (let parent = fuse.parentId; parent; parent = byId.get(parent)?.parentId) {
      fuse.baseAmps?.forEach((amps, phase) => (load.get(parent)![phase] += amps));
    }
  }
  for (const plan of plans) {
    const sessionInput = input.sessions.find((s) => s.id === plan.id)!;
    for (let fuse: string | undefined = sessionInput.fuseId; fuse; fuse = byId.get(fuse)?.parentId) {
      for (const phase of plan.phases) load.get(fuse)![phase] += plan.amps[slot];
    }
  }
  for (const fuse of input.fuses) {
    load
      .get(fuse.id)!
      .forEach((amps, phase) => expect(amps).toBeLessThanOrEqual(fuse.limitAmps[phase] + 1e-6));
  }
}

describe('optimize', () => {
  it('shares a 32 A three-phase area fairly between three cars, then four', () => {
    const three = problem(
      [area(32)],
      ['a', 'b', 'c'].map((id) => session(id)),
    );
    expect(first(three)).toEqual({ a: 10.6, b: 10.6, c: 10.6 });
    const reasons = optimize(three).sessions.map((plan) => plan.reason);
    expect(reasons.every((reason) => reason.code === ReasonCode.FUSE)).toBe(true);
    expect(reasons[0].text).toMatch(/fuse L\d of area Garage/);
    const four = problem(
      [area(32)],
      ['a', 'b', 'c', 'd'].map((id) => session(id)),
    );
    expect(first(four)).toEqual({ a: 8, b: 8, c: 8, d: 8 });
    expectWithinFuses(four);
  });

  it('gives what a car leaves unused to the others', () => {
    const input = problem(
      [area(32)],
      [session('a', { maxAmps: 6.5, maxLabel: "the car's maximum" }), session('b'), session('c')],
    );
    expect(first(input)).toEqual({ a: 6.5, b: 12.7, c: 12.7 });
    expect(optimize(input).sessions[0].reason).toEqual({
      code: ReasonCode.SESSION_LIMIT,
      text: "the car's maximum (6.5 A)",
    });
  });

  it('pauses whoever does not fit at the minimum current: lowest priority, then the latest arrival', () => {
    const sessions = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, order) => session(id, { order }));
    const plans = optimize(problem([area(32)], sessions)).sessions;
    expect(plans.map((plan) => plan.amps[0])).toEqual([6.4, 6.4, 6.4, 6.4, 6.4, 0]);
    expect(plans[5].reason.code).toBe(ReasonCode.PAUSED);
    expect(plans[5].reason.text).toContain('no room for its minimum 6 A under the fuse');
    sessions[5].priority = 2;
    const prioritized = optimize(problem([area(32)], sessions)).sessions.map((plan) => plan.amps[0]);
    expect(prioritized[4]).toBe(0);
    expect(prioritized[5]).toBeGreaterThan(6);
  });

  it('keeps a session that was charging ahead of a newcomer of the same priority', () => {
    const sessions = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, order) =>
      session(id, { order, charging: id !== 'a' }),
    );
    expect(first(problem([area(32)], sessions)).a).toBe(0);
  });

  it('weights the fair share by priority', () => {
    expect(first(problem([area(30)], [session('a', { priority: 2 }), session('b')]))).toEqual({
      a: 18,
      b: 12,
    });
  });

  it('counts buildings against the fuse and solar for it', () => {
    const building = first(problem([area(32, { baseAmps: [14, 14, 14] })], [session('a'), session('b')]));
    expect(building).toEqual({ a: 9, b: 9 });
    const solar = first(problem([area(32, { baseAmps: [-10, -10, -10] })], [session('a'), session('b')]));
    expect(solar).toEqual({ a: 21, b: 21 });
  });

  it('respects nested fuses: a sub-area fuse and its parent', () => {
    const parent = area(40);
    const child: FuseInput = {
      id: 'child',
      parentId: 'area',
      label: 'area Deck',
      limitAmps: [16, 16, 16],
      voltage: 230,
    };
    const input: OptimizerInput = {
      slotCount: 2,
      slotHours: 0.25,
      fuses: [parent, child, station('st-a', 'child'), station('st-b', 'child'), station('st-c', 'area')],
      sessions: [session('a'), session('b'), session('c')],
    };
    expect(first(input)).toEqual({ a: 8, b: 8, c: 24 });
    expectWithinFuses(input);
  });

  it('puts a switchable single-phase car on the least-loaded phase, and balances the others', () => {
    const fuse = area(32, { baseAmps: [10, 0, 4] });
    const input = problem(
      [fuse],
      [session('three'), session('one', { phases: [0], phaseOptions: [0, 1, 2], maxAmps: 16 })],
    );
    const plans = optimize(input).sessions;
    expect(plans[1].phases).toEqual([1]);
    expectWithinFuses(input);
    const stay = problem(
      [fuse],
      [session('one', { phases: [0], phaseOptions: [0, 1, 2], currentPhase: 2, maxAmps: 16 })],
    );
    expect(optimize(stay).sessions[0].phases).toEqual([2]);
  });

  it('keeps the imbalance between phases under its limit above the minimum currents', () => {
    const fuse = area(63, { maxImbalanceAmps: 10 });
    const input = problem([fuse], [session('one', { phases: [0] }), session('three')]);
    const plans = optimize(input).sessions;
    expect(plans[0].amps[0]).toBe(10);
    expect(plans[0].reason.code).toBe(ReasonCode.IMBALANCE);
    expect(plans[1].amps[0]).toBe(32);
  });

  it('keeps the site under its peak-shaving power above the minimum currents, but not below them', () => {
    const peak = first(problem([area(63, { peakWatts: 22_080 })], [session('a'), session('b')]));
    expect(peak).toEqual({ a: 16, b: 16 });
    const tight = first(problem([area(63, { peakWatts: 1_000 })], [session('a'), session('b')]));
    expect(tight).toEqual({ a: 6, b: 6 });
  });

  it('moves energy with a known need and departure into the cheap slots before the departure', () => {
    const input = problem([area(32)], [session('a', { energyWh: 5520, departureSlot: 4 }), session('b')], {
      prices: [0.4, 0.4, 0.1, 0.1],
    });
    const [a, b] = optimize(input).sessions;
    // The car with a departure takes the first cheap slot whole; the one with none takes what is left.
    expect(a.amps).toEqual([0, 0, 32, 0]);
    expect(a.reason).toMatchObject({ code: ReasonCode.COST, fromSlot: 2 });
    expect(b.amps).toEqual([32, 32, 0, 32]);
    const energy = a.amps.reduce((sum, amps) => sum + amps * 3 * 230 * 0.25, 0);
    expect(energy).toBeCloseTo(5520, 0);
  });

  it('gives a cheap slot first to the car leaving first, so both charge in cheap slots', () => {
    const whPerAmpSlot = 3 * 230 * 0.25;
    const input = problem(
      [area(32)],
      [
        session('stays', { energyWh: 32 * whPerAmpSlot, departureSlot: 4 }),
        session('leaves', { energyWh: 32 * whPerAmpSlot, departureSlot: 2 }),
      ],
      { prices: [0.3, 0.1, 0.4, 0.1] },
    );
    const [stays, leaves] = optimize(input).sessions;
    // Shared fairly, slot 1 would leave the early car 16 A short, to be bought in the dear slot 0.
    expect(leaves.amps).toEqual([0, 32, 0, 0]);
    expect(stays.amps).toEqual([0, 0, 0, 32]);
    for (let slot = 0; slot < 4; slot++) expectWithinFuses(input, slot);
  });

  it('lets a car that would leave short take current now from one staying longer, which gets it back later', () => {
    const whPerAmpSlot = 3 * 230 * 0.25;
    const input = problem(
      [area(32)],
      [
        session('short', { energyWh: 48 * whPerAmpSlot, departureSlot: 2 }),
        session('long', { energyWh: 64 * whPerAmpSlot, departureSlot: 4 }),
      ],
    );
    const [short, long] = optimize(input).sessions;
    // Fair sharing alone gives 16 A each while both are there: the short car would leave 16 A·slots short.
    // It gets them in the first slot, so a car arriving meanwhile cannot take them from it.
    expect(short.amps).toEqual([32, 16, 0, 0]);
    expect(long.amps).toEqual([0, 16, 32, 16]);
    for (let slot = 0; slot < 4; slot++) expectWithinFuses(input, slot);
  });

  it('plans no more than the energy needed to reach the target', () => {
    const plans = optimize(problem([area(32)], [session('a', { energyWh: 2760 }), session('b')])).sessions;
    expect(plans[0].amps).toEqual([16, 0, 0, 0]);
    expect(plans[0].reason).toEqual({ code: ReasonCode.ENERGY, text: 'needs only 2.8 kWh more' });
    expect(plans[1].amps).toEqual([16, 32, 32, 32]);
    const done = optimize(problem([area(32)], [session('a', { energyWh: 0 })])).sessions[0];
    expect(done).toMatchObject({ amps: [0, 0, 0, 0], reason: { code: ReasonCode.DONE } });
  });

  it('pauses a session whose own limit is below the minimum current', () => {
    const plan = optimize(
      problem([area(32)], [session('a', { maxAmps: 4, maxLabel: 'static limit of station X' })]),
    ).sessions[0];
    expect(plan.amps[0]).toBe(0);
    expect(plan.reason.code).toBe(ReasonCode.BELOW_MINIMUM);
  });

  describe('with cars expected to arrive later', () => {
    const whPerAmpSlot = 3 * 230 * 0.25;
    /** Newcomers arriving in slot 2, leaving after slot 3: they want the cheap slots 2 and 3 whole. */
    const newcomers = (extra: Partial<ExpectedArrival> = {}): ExpectedArrival => ({
      fuseId: 'area',
      arrivalSlot: 2,
      departureSlot: 4,
      energyWh: 64 * whPerAmpSlot,
      maxAmps: 32,
      voltage: 230,
      ...extra,
    });
    const morningCar = session('a', { energyWh: 32 * whPerAmpSlot, departureSlot: 4, maxAmps: 32 });
    const prices = [0.34, 0.34, 0.14, 0.14];

    it('charges now, while the fuse is free, what the newcomers will leave no room for in the cheap slots', () => {
      const alone = optimize(problem([area(32)], [morningCar], { prices })).sessions[0];
      expect(alone.amps).toEqual([0, 0, 32, 0]);
      expect(alone.reason.code).toBe(ReasonCode.COST);

      const input = problem([area(32)], [morningCar], { prices, expectedArrivals: [newcomers()] });
      const result = optimize(input).sessions;
      // Only the cars present are planned; the forecast only moved the car's energy to now.
      expect(result.map((plan) => plan.id)).toEqual(['a']);
      expect(result[0].amps).toEqual([32, 0, 0, 0]);
      for (let slot = 0; slot < 4; slot++) expectWithinFuses(input, slot);
    });

    it('still moves energy into the cheap slots the newcomers leave free, before the departure', () => {
      const few = newcomers({ energyWh: 16 * whPerAmpSlot, maxAmps: 16 });
      const plan = optimize(problem([area(32)], [morningCar], { prices, expectedArrivals: [few] }))
        .sessions[0];
      // The newcomers are expected to take 16 A of slot 2: the car takes the rest of both cheap slots.
      expect(plan.amps[0]).toBe(0);
      expect(plan.amps[1]).toBe(0);
      expect(plan.amps[2] + plan.amps[3]).toBeCloseTo(32, 5);
      expect(plan.amps[2]).toBeLessThanOrEqual(16);
    });

    it('never lets a forecast starve a car about to leave, nor take the fuse past its limit', () => {
      // The car leaves after slot 1; the forecast wants slot 1 whole, and a newcomer with a
      // window of one slot goes before the car in the fill: the repair gives the car its need.
      const leaving = session('a', { energyWh: 64 * whPerAmpSlot, departureSlot: 2, maxAmps: 32 });
      const crowd = newcomers({ arrivalSlot: 1, departureSlot: 2, energyWh: 1_000_000, maxAmps: 1_000 });
      const input = problem([area(32)], [leaving, session('b')], {
        prices: [0.34, 0.14, 0.14, 0.14],
        expectedArrivals: [crowd],
      });
      const [plan] = optimize(input).sessions;
      expect(plan.amps.slice(0, 2)).toEqual([32, 32]);
      for (let slot = 0; slot < 4; slot++) expectWithinFuses(input, slot);
    });

    it('is ignored without prices, and for arrivals in the first slot or past the horizon', () => {
      const cars = [session('a', { energyWh: 32 * whPerAmpSlot, departureSlot: 4 }), session('b')];
      const plain = optimize(problem([area(32)], cars)).sessions;
      const forecast = [
        newcomers(),
        newcomers({ arrivalSlot: 0 }),
        newcomers({ arrivalSlot: 9, departureSlot: 12 }),
      ];
      expect(optimize(problem([area(32)], cars, { expectedArrivals: forecast })).sessions).toEqual(plain);
      const priced = optimize(problem([area(32)], cars, { prices })).sessions;
      const late = [newcomers({ arrivalSlot: 0 }), newcomers({ arrivalSlot: 9, departureSlot: 12 })];
      expect(optimize(problem([area(32)], cars, { prices, expectedArrivals: late })).sessions).toEqual(
        priced,
      );
    });
  });

  it('plans the last slot of a need up to the next 0.1 A, so no sliver is left to hold a minimum current later', () => {
    // 10.03 A·slot: rounded down to 10.0 A, 5 Wh would be left for a whole slot at 6 A next time.
    const energyWh = 10.03 * 3 * 230 * 0.25;
    for (const extra of [{}, { prices: [0.1, 0.2, 0.3, 0.4] }]) {
      const plan = optimize(problem([area(32)], [session('a', { energyWh, departureSlot: 4 })], extra))
        .sessions[0];
      expect(plan.amps).toEqual([10.1, 0, 0, 0]);
    }
  });

  it('is deterministic: the same problem in any order gives the same plans', () => {
    const sessions = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id, order) =>
      session(id, { order: order % 3, priority: 1 + (order % 2), maxAmps: 10 + order * 3 }),
    );
    const fuses = [area(45, { baseAmps: [3, 7, 1], peakWatts: 40_000, maxImbalanceAmps: 20 })];
    const once = optimize(problem(fuses, sessions)).sessions;
    const again = optimize(problem(fuses, [...sessions].reverse())).sessions;
    const byId = (plans: typeof once) => Object.fromEntries(plans.map((plan) => [plan.id, plan]));
    expect(byId(again)).toEqual(byId(once));
    expectWithinFuses(problem(fuses, sessions));
  });
});
