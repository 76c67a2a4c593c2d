import { SimulatorOptions } from '../cli/simulator-options';
import { SimulatedStation } from '../station/simulated-station';
import { SimulationStats } from '../stats/simulation-stats';

export interface ScenarioContext {
  options: SimulatorOptions;
  stations: SimulatedStation[];
  stats: SimulationStats;
  random: () => number;
  signal: AbortSignal;
  /** Resolves once every station has been started (connected and booted, or given up). */
  started: Promise<void>;
}

/** A mode's behaviour once the stations exist; resolves when the signal aborts. */
export type Scenario = (context: ScenarioContext) => Promise<void>;
