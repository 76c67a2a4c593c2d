import { SiteArea } from '@csms/organizations';
import { ChargingStation, CurrentType } from '@csms/stations';
import { Transaction } from '@csms/transactions';
import { StoredConnectorPlan } from '../plans/smart-charging-plan.schema';
import { DEFAULT_SETTINGS } from '../settings/smart-charging-settings';
import { PhaseRotation } from '../wiring/phase-rotation';
import { AreaSnapshot } from './area-snapshot';
import { buildProblem } from './problem-builder';

const now = new Date('2026-12-01T10:07:00Z');
const area: SiteArea = {
  id: 'A',
  siteId: 'S',
  name: 'Garage',
  maximumCurrentAmps: 32,
  numberOfPhases: 3,
  voltage: 230,
  accessControl: true,
  smartCharging: true,
};
const station = (id: string, extra: Partial<ChargingStation> = {}): ChargingStation => ({
  id,
  tenantId: 'default',
  online: true,
  ocppVersion: '1.6',
  siteAreaId: 'A',
  hasPassword: false,
  manualConfiguration: false,
  connectors: [{ connectorId: 1, status: 'Charging' }],
  ...extra,
});
const session = (id: string, stationId: string): Transaction =>
  ({
    id,
    ocppTransactionId: id,
    chargingStationId: stationId,
    connectorId: 1,
    active: true,
    startedAt: new Date('2026-12-01T09:00:00Z'),
    meterStartWh: 0,
    energyWh: 5000,
  }) as Transaction;

function snapshot(extra: Partial<AreaSnapshot> = {}): AreaSnapshot {
  return {
    now,
    root: area,
    areas: [area],
    settings: new Map([['A', { siteAreaId: 'A', ...DEFAULT_SETTINGS }]]),
    stations: [station('CS-1'), station('CS-2')],
    staticLimits: new Map(),
    sessions: [session('t1', 'CS-1'), session('t2', 'CS-2')],
    cars: new Map(),
    preferences: new Map(),
    wiring: new Map(),
    excluded: new Map(),
    assetAmps: new Map([['A', [4, 2, 0]]]),
    timeZone: 'UTC',
    ...extra,
  };
}

describe('buildProblem', () => {
  it("counts a DC session through the station's converter efficiency and an AC one through the car's", () => {
    const settings = { siteAreaId: 'A', ...DEFAULT_SETTINGS, efficiencyPercent: 88, dcEfficiencyPercent: 96 };
    const { input } = buildProblem(
      snapshot({
        settings: new Map([['A', settings]]),
        stations: [
          station('CS-1'),
          station('CS-2', {
            connectors: [{ connectorId: 1, status: 'Charging', currentType: CurrentType.DC }],
          }),
        ],
      }),
    );
    expect(input.sessions.map((s) => [s.id, s.efficiency, s.minAmps])).toEqual([
      ['t1', 0.88, 6],
      ['t2', 0.96, 0],
    ]);
  });

  it('makes the area and its stations fuses, its assets base loads, its sessions planned from the slot start', () => {
    const { input, slotStart, sessions } = buildProblem(snapshot());
    expect(slotStart).toEqual(new Date('2026-12-01T10:00:00Z'));
    expect(input.firstSlotHours).toBeCloseTo(8 / 60, 6);
    expect(input.slotCount).toBe(DEFAULT_SETTINGS.horizonMinutes / 15);
    expect(input.fuses.find((fuse) => fuse.id === 'area:A')).toMatchObject({
      limitAmps: [32, 32, 32],
      baseAmps: [4, 2, 0],
      label: 'area Garage',
    });
    expect(input.sessions.map((s) => [s.id, s.phases, s.minAmps, s.maxAmps])).toEqual([
      ['t1', [0, 1, 2], 6, 32],
      ['t2', [0, 1, 2], 6, 32],
    ]);
    expect(sessions.size).toBe(2);
  });

  it("reads the area's grid prices on the clock of its site (the snapshot's time zone)", () => {
    const gridPrices = [
      { startTime: '00:00', price: 0.3 },
      { startTime: '11:00', price: 0.1 },
    ];
    const settings = new Map([['A', { siteAreaId: 'A', ...DEFAULT_SETTINGS, gridPrices }]]);
    // The first slot starts at 10:00 UTC: 11:00 in Berlin in winter, still 10:00 in London.
    expect(buildProblem(snapshot({ settings, timeZone: 'Europe/Berlin' })).input.prices![0]).toBe(0.1);
    expect(buildProblem(snapshot({ settings, timeZone: 'Europe/London' })).input.prices![0]).toBe(0.3);
  });

  it("forecasts later arrivals from the tree's past sessions under its top area, when energy has a price", () => {
    // Seven past days, each with a car arriving at 13:00 and staying two hours with 14 kWh.
    const pastSessions = Array.from({ length: 7 }, (_, back) => ({
      start: new Date(Date.parse('2026-11-30T13:00:00Z') - back * 86_400_000),
      end: new Date(Date.parse('2026-11-30T15:00:00Z') - back * 86_400_000),
      energyWh: 14_000,
    }));
    const gridPrices = [{ startTime: '00:00', price: 0.3 }];
    const settings = new Map([['A', { siteAreaId: 'A', ...DEFAULT_SETTINGS, gridPrices }]]);
    const priced = buildProblem(snapshot({ settings, pastSessions })).input;
    // The plan starts at 10:00: 13:00 is its slot 12, 15:00 its slot 20; one car a day on average.
    expect(priced.expectedArrivals).toEqual([
      expect.objectContaining({ fuseId: 'area:A', arrivalSlot: 12, departureSlot: 20, voltage: 230 }),
    ]);
    expect(priced.expectedArrivals![0].energyWh).toBeCloseTo(14_000, 6);
    expect(buildProblem(snapshot({ pastSessions })).input.expectedArrivals).toBeUndefined();
  });

  it('maps the phases a car draws on through the phase rotation, and lets a 2.0.1 switching station move it', () => {
    const { input } = buildProblem(
      snapshot({
        stations: [station('CS-1'), station('CS-2', { ocppVersion: '2.0.1' })],
        cars: new Map([
          ['t1', { connectorPhases: [1] }],
          ['t2', { connectorPhases: [1] }],
        ]),
        wiring: new Map([
          [
            'CS-1\u00001',
            {
              chargingStationId: 'CS-1',
              connectorId: 1,
              phaseRotation: PhaseRotation.TRS,
              phaseSwitching: false,
              priority: 1,
            },
          ],
          [
            'CS-2\u00001',
            {
              chargingStationId: 'CS-2',
              connectorId: 1,
              phaseRotation: PhaseRotation.RST,
              phaseSwitching: true,
              priority: 2,
            },
          ],
        ]),
      }),
    );
    expect(input.sessions[0]).toMatchObject({ phases: [2], phaseOptions: undefined, priority: 1 });
    expect(input.sessions[1]).toMatchObject({ phases: [0], phaseOptions: [0, 1, 2], priority: 2 });
  });

  it("caps a session at its car's own AC limit, on the phases its charger uses until the meter shows them", () => {
    const { input } = buildProblem(
      snapshot({
        cars: new Map([
          // A single-phase 16 A charger not yet metered, and a three-phase 11 kW car whose meter values
          // show it on one phase: what was measured wins.
          ['t1', { maxAcAmps: 16, acPhases: 1 }],
          ['t2', { maxAcAmps: 16, acPhases: 3, connectorPhases: [1] }],
        ]),
      }),
    );
    expect(input.sessions.map((s) => [s.id, s.phases, s.maxAmps])).toEqual([
      ['t1', [0], 16],
      ['t2', [0], 16],
    ]);
    // A car that takes more than the connector gives stays at the connector's maximum.
    const bigCar = buildProblem(
      snapshot({
        stations: [station('CS-1', { connectors: [{ connectorId: 1, status: 'Charging', amperage: 32 }] })],
        sessions: [session('t1', 'CS-1')],
        cars: new Map([['t1', { maxAcAmps: 48, acPhases: 3 }]]),
      }),
    );
    expect(bigCar.input.sessions[0]).toMatchObject({ phases: [0, 1, 2], maxAmps: 32 });
  });

  it('keeps static limits: the smaller of the station template and its static limit caps the station and connector', () => {
    const { input } = buildProblem(
      snapshot({
        stations: [station('CS-1', { maximumPowerWatts: 22_080 }), station('CS-2')],
        staticLimits: new Map([
          ['CS-2', [{ connectorId: 1, watts: 6900, unit: 'W', method: 'CHARGING_PROFILE', appliedAt: now }]],
        ]) as AreaSnapshot['staticLimits'],
      }),
    );
    expect(input.fuses.find((fuse) => fuse.id === 'station:CS-1')!.limitAmps[0]).toBeCloseTo(32, 6);
    expect(input.sessions[1]).toMatchObject({ maxAmps: 10, maxLabel: "the connector's maximum" });
  });

  it('counts the sessions of excluded or offline stations as loads on their station fuse', () => {
    const built = buildProblem(
      snapshot({
        stations: [station('CS-1'), station('CS-2', { online: false })],
        excluded: new Map([['CS-1', 'refused']]),
        cars: new Map([['t1', { measuredAmps: 9, connectorPhases: [1, 2, 3] }]]),
      }),
    );
    expect(built.input.sessions).toHaveLength(0);
    expect(built.uncontrolled.map((s) => s.why)).toEqual(['excluded: refused', 'offline']);
    expect(built.input.fuses.find((fuse) => fuse.id === 'station:CS-1')!.baseAmps).toEqual([9, 9, 9]);
  });

  it('applies sticky limitation: a car drawing clearly less is limited to what it draws, and freed when it wants more', () => {
    const sent = {
      purpose: 'TxProfile' as const,
      transactionId: 't1',
      startSchedule: new Date('2026-12-01T10:00:00Z'),
      limits: [16],
      sentAt: new Date('2026-12-01T10:01:00Z'),
    };
    const previous: StoredConnectorPlan = {
      chargingStationId: 'CS-1',
      connectorId: 1,
      siteAreaId: 'A',
      transactionId: 't1',
      periods: [],
      gridPhases: [1, 2, 3],
      delivery: 'ACCEPTED',
      phaseRotation: 'RST',
      sent,
    };
    const plan = {
      rootAreaId: 'A',
      areaIds: ['A'],
      areas: [],
      computedAt: now,
      stickyLimitation: true,
      connectors: [previous],
      allowances: [],
    };
    const measuredAt = new Date('2026-12-01T10:06:00Z');
    const capped = buildProblem(
      snapshot({ previous: plan, cars: new Map([['t1', { measuredAmps: 10, measuredAt }]]) }),
    );
    expect(capped.input.sessions[0]).toMatchObject({
      maxAmps: 11,
      maxLabel: 'what the car draws (sticky limitation)',
    });
    expect(capped.sessions.get('t1')!.stickyAmps).toBe(11);
    const wantsMore = buildProblem(
      snapshot({
        previous: { ...plan, connectors: [{ ...previous, stickyAmps: 11 }] },
        cars: new Map([['t1', { measuredAmps: 10.8, measuredAt }]]),
      }),
    );
    expect(wantsMore.input.sessions[0].maxAmps).toBe(32);
  });
});
