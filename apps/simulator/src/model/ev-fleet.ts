import { EvSpec } from './charge-curve';

export interface ArrivingEv {
  spec: EvSpec;
  name: string;
  arrivalSoc: number;
  targetSoc: number;
}

/** Common AC-charging EVs: battery size and on-board charger power (3-phase). */
const MODELS: readonly { name: string; batteryWh: number; maxPowerW: number }[] = [
  { name: 'compact 11 kW', batteryWh: 42_000, maxPowerW: 11_000 },
  { name: 'family 11 kW', batteryWh: 64_000, maxPowerW: 11_000 },
  { name: 'saloon 11 kW', batteryWh: 77_000, maxPowerW: 11_000 },
  { name: 'premium 22 kW', batteryWh: 90_000, maxPowerW: 22_000 },
  { name: 'city 22 kW', batteryWh: 52_000, maxPowerW: 22_000 },
];

/** Draws the next EV to plug in: arrives between 10 and 50 % and leaves at 80 to 100 %. */
export function nextEv(random: () => number): ArrivingEv {
  const model = MODELS[Math.floor(random() * MODELS.length)];
  const arrivalSoc = Math.round(10 + random() * 40);
  const targetSoc = Math.min(100, Math.round(80 + random() * 22));
  return {
    name: model.name,
    spec: { batteryWh: model.batteryWh, maxPowerW: model.maxPowerW, taperFromSoc: 80 },
    arrivalSoc,
    targetSoc,
  };
}
