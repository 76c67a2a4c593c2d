import { CatalogCar } from './car-catalog';

export interface ArrivingEv extends CatalogCar {
  arrivalSoc: number;
  targetSoc: number;
}

/** Generic AC cars (3-phase on-board chargers), for a simulator run without the catalog. */
export const GENERIC_CARS: readonly CatalogCar[] = [
  { name: 'compact 11 kW', spec: { batteryWh: 42_000, maxPowerW: 11_000, taperFromSoc: 80 } },
  { name: 'family 11 kW', spec: { batteryWh: 64_000, maxPowerW: 11_000, taperFromSoc: 80 } },
  { name: 'saloon 11 kW', spec: { batteryWh: 77_000, maxPowerW: 11_000, taperFromSoc: 80 } },
  { name: 'premium 22 kW', spec: { batteryWh: 90_000, maxPowerW: 22_000, taperFromSoc: 80 } },
  { name: 'city 22 kW', spec: { batteryWh: 52_000, maxPowerW: 22_000, taperFromSoc: 80 } },
];

/** Draws the next EV to plug in among `cars`: arrives between 10 and 50 % and leaves at 80 to 100 %. */
export function nextEv(random: () => number, cars: readonly CatalogCar[] = GENERIC_CARS): ArrivingEv {
  const car = cars[Math.floor(random() * cars.length)];
  const arrivalSoc = Math.round(10 + random() * 40);
  const targetSoc = Math.min(100, Math.round(80 + random() * 22));
  return { ...car, arrivalSoc, targetSoc };
}
