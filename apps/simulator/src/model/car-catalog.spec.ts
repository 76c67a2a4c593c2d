import { readFileSync } from 'node:fs';
import { CATALOG_FILE, loadCatalogCars } from './car-catalog';
import {
  advanceCharge,
  dcSupply,
  deliveredPowerW,
  electricalReading,
  evAcceptedPowerW,
  supplyForEv,
} from './charge-curve';
import { nextEv } from './ev-fleet';

interface RawVehicle {
  id: string;
  brand: string;
  model: string;
  variant?: string | null;
  vehicle_type?: string;
  ac_charger?: {
    max_power?: number;
    usable_phases?: number;
    power_per_charging_point?: Record<string, number>;
  };
  dc_charger?: { charging_curve?: { percentage: number; power: number }[] | null } | null;
}

/** The catalog file as published, read here on its own, to check the simulator against it. */
const raw = (JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as { data: RawVehicle[] }).data;
const cars = loadCatalogCars();
const carNamed = (name: string) => cars.find((car) => car.name === name)!;

/** Open EV Data's charging points: power per phase count and amperes per phase. */
const CHARGING_POINTS = {
  '3.7': { phases: 1, maxCurrentA: 16 },
  '7.4': { phases: 1, maxCurrentA: 32 },
  '11': { phases: 3, maxCurrentA: 16 },
  '22': { phases: 3, maxCurrentA: 32 },
} as const;

describe('the simulator charges the car catalog', () => {
  it('knows every car of the catalog with an AC charger and a battery', () => {
    const chargeable = raw.filter(
      (vehicle) => vehicle.vehicle_type === 'car' && vehicle.ac_charger?.max_power,
    ).length;
    expect(cars.length).toBeGreaterThan(200);
    expect(cars.length).toBe(chargeable);
  });

  it('samples each DC curve at its SoC points as the catalog gives them, and between them on the line', () => {
    let checked = 0;
    for (const vehicle of raw) {
      const curve = vehicle.dc_charger?.charging_curve;
      const car = cars.find((candidate) => candidate.id === vehicle.id);
      if (!curve?.length || !car) continue;
      for (const point of curve.filter((p) => p.percentage < 100)) {
        expect(evAcceptedPowerW(car.spec, point.percentage, 'DC')).toBeCloseTo(point.power * 1000, 6);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
    // Aiways U5: 90 kW at 40 %, 50 kW at 80 %: 70 kW half way; full, it takes nothing.
    const aiways = carNamed('Aiways U5');
    expect(evAcceptedPowerW(aiways.spec, 60, 'DC')).toBeCloseTo(70_000, 6);
    expect(evAcceptedPowerW(aiways.spec, 100, 'DC')).toBe(0);
    // A DC charger gives what the curve asks, up to its own power.
    expect(deliveredPowerW(aiways.spec, dcSupply(150_000), 30, Infinity)).toBeCloseTo(90_000, 6);
    expect(deliveredPowerW(aiways.spec, dcSupply(50_000), 30, Infinity)).toBeCloseTo(50_000, 6);
  });

  it('draws on AC what the catalog says each car takes at 3.7, 7.4, 11 and 22 kW points (its phases and amperes)', () => {
    let checked = 0;
    for (const vehicle of raw) {
      const car = cars.find((candidate) => candidate.id === vehicle.id);
      const points = vehicle.ac_charger?.power_per_charging_point;
      if (!car || !points) continue;
      for (const [point, { phases, maxCurrentA }] of Object.entries(CHARGING_POINTS)) {
        if (points[point] === undefined) continue;
        const supply = supplyForEv({ nominalVoltageV: 230, phases, maxCurrentA }, car.spec);
        // Open EV Data rounds to a tenth of a kW (and has the Zoe's 22 kW as 22.2).
        expect(Math.abs(deliveredPowerW(car.spec, supply, 20, Infinity) / 1000 - points[point])).toBeLessThan(
          0.15,
        );
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('puts the current of a one- or two-phase car on its phases only, within the amperes it may draw', () => {
    const station = { nominalVoltageV: 230, phases: 3 as const, maxCurrentA: 32 };
    const onePhase = carNamed('Aiways U5'); // 6.6 kW on one phase
    expect(onePhase.spec.phases).toBe(1);
    const single = supplyForEv(station, onePhase.spec);
    const singleW = deliveredPowerW(onePhase.spec, single, 20, Infinity);
    expect(singleW).toBeCloseTo(6600, 6);
    const reading = electricalReading(singleW, single, [0]);
    expect(reading.currentsA.filter((current) => current > 0)).toHaveLength(1);
    expect(reading.currentsA[0]).toBeCloseTo(6600 / 230, 0);

    const twoPhase = cars.find((car) => car.spec.phases === 2)!;
    const two = supplyForEv({ ...station, maxCurrentA: 16 }, twoPhase.spec);
    expect(two.phases).toBe(2);
    const twoW = deliveredPowerW(twoPhase.spec, two, 20, Infinity);
    expect(twoW).toBeLessThanOrEqual(2 * 16 * 230 + 1e-6);
    const currents = electricalReading(twoW, two, [0, 1]).currentsA;
    expect(currents.filter((current) => current > 0)).toHaveLength(2);
    expect(Math.max(...currents)).toBeLessThanOrEqual(16.5);
  });

  it('charges a drawn car along its DC curve: the energy is the integral of the curve', () => {
    const ev = nextEv(() => 0.5, cars);
    expect(cars.map((car) => car.name)).toContain(ev.name);
    const car = carNamed('Aiways U5');
    // 40 % → 80 % of 63 kWh at 90 → 50 kW: 25.2 kWh in about 0.36 h (mean 70 kW).
    const result = advanceCharge(
      { socPercent: 40, energyRegisterWh: 0 },
      car.spec,
      dcSupply(150_000),
      Infinity,
      3600,
      80,
    );
    expect(result.energyWh).toBeCloseTo(25_200, 0);
    expect(result.state.socPercent).toBeCloseTo(80, 6);
  });
});
