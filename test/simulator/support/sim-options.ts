import type { Json } from './mini-csms';
import { SimulatorOptions } from '../../../apps/simulator/src/cli/simulator-options';

/** Options for an in-process simulation in tests: fast meter values, no progress output. */
export function simOptions(url: string, overrides: Partial<SimulatorOptions>): SimulatorOptions {
  return {
    stations: 1,
    ocpp: '1.6',
    url,
    soapHost: '127.0.0.1',
    connectors: 2,
    interval: 0.25,
    mode: 'demo',
    idPrefix: 'SIM',
    tag: 'TAG-E2E',
    speed: 1,
    connectRate: 200,
    idle: 0.2,
    stormEvery: 30,
    offlineEvery: 30,
    offlineFor: 5,
    rebootDelay: 0.2,
    seed: 3,
    progress: false,
    ...overrides,
  };
}

/** Reads a 1.6 (string) or 2.0.1 (number) sampled value of a measurand from a meterValue. */
export function sampled(meterValue: Json, measurand: string, phase?: string): number | undefined {
  const value = meterValue.sampledValue.find(
    (item: Json) => (item.measurand ?? 'Energy.Active.Import.Register') === measurand && item.phase === phase,
  );
  return value === undefined ? undefined : Number(value.value);
}
