import { ChargingRateUnit } from '../commands/command-enums';
import { Connector } from '../models/connector.model';
import {
  ampsToWatts,
  convertLimit,
  floorTo,
  scheduleLimit,
  supplyOf,
  toWatts,
  wattsToAmps,
} from './limit-conversion';

const connector = (connectorId: number, numberOfPhases?: number): Connector => ({
  connectorId,
  status: 'Available',
  numberOfPhases,
});

describe('supplyOf', () => {
  it("takes the station's voltage and the connector's phases", () => {
    const station = { voltage: 240, connectors: [connector(1, 1), connector(2, 3)] };
    expect(supplyOf(station, 1)).toEqual({ voltage: 240, phases: 1 });
    expect(supplyOf(station, 2, { voltage: 400, numberOfPhases: 1 })).toEqual({ voltage: 240, phases: 3 });
  });

  it('gives the whole station the most phases any connector has', () => {
    expect(supplyOf({ voltage: 230, connectors: [connector(1, 1), connector(2, 3)] }, 0).phases).toBe(3);
  });

  it("falls back on the site area's supply, then on 230 V and three phases", () => {
    const bare = { connectors: [connector(1)] };
    expect(supplyOf(bare, 1, { voltage: 120, numberOfPhases: 1 })).toEqual({ voltage: 120, phases: 1 });
    expect(supplyOf(bare, 0, { numberOfPhases: 1 })).toEqual({ voltage: 230, phases: 1 });
    expect(supplyOf(bare, 0)).toEqual({ voltage: 230, phases: 3 });
    expect(supplyOf({ connectors: [] }, 4, null)).toEqual({ voltage: 230, phases: 3 });
  });
});

describe('unit conversion', () => {
  const threePhase = { voltage: 230, phases: 3 };

  it('turns amperes into watts with voltage × phases, and back', () => {
    expect(ampsToWatts(16, threePhase)).toBe(11040);
    expect(ampsToWatts(32, { voltage: 230, phases: 1 })).toBe(7360);
    expect(wattsToAmps(11040, threePhase)).toBe(16);
    expect(toWatts(10, ChargingRateUnit.A, threePhase)).toBe(6900);
    expect(toWatts(7400, ChargingRateUnit.W, threePhase)).toBe(7400);
  });

  it('converts between units only when they differ', () => {
    expect(convertLimit(16, ChargingRateUnit.A, ChargingRateUnit.A, threePhase)).toBe(16);
    expect(convertLimit(16, ChargingRateUnit.A, ChargingRateUnit.W, threePhase)).toBe(11040);
    expect(convertLimit(6900, ChargingRateUnit.W, ChargingRateUnit.A, threePhase)).toBe(10);
  });

  it('rounds limits down, to the one decimal a schedule period takes', () => {
    expect(floorTo(15.99, 1)).toBe(15);
    expect(floorTo(7.3, 0.1)).toBeCloseTo(7.3);
    expect(scheduleLimit(7.36)).toBe(7.3);
    expect(scheduleLimit(11000)).toBe(11000);
    expect(scheduleLimit(15.942)).toBe(15.9);
  });
});
