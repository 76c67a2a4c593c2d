import { setMaxListeners } from 'node:events';
import { SimulatorOptions } from './cli/simulator-options';
import { seededRandom } from './model/random';
import { Ocpp16Protocol } from './protocol/ocpp16/ocpp16-protocol';
import { Ocpp201Protocol } from './protocol/ocpp201/ocpp201-protocol';
import { demoScenario, loadScenario } from './scenarios/charging.scenario';
import { offlineScenario } from './scenarios/offline.scenario';
import { Scenario } from './scenarios/scenario';
import { stormScenario } from './scenarios/storm.scenario';
import { delay } from './station/delay';
import { ProtocolFactory, SimulatedStation } from './station/simulated-station';
import { SimulationStats } from './stats/simulation-stats';

const SCENARIOS: Record<SimulatorOptions['mode'], Scenario> = {
  demo: demoScenario,
  load: loadScenario,
  storm: stormScenario,
  offline: offlineScenario,
};

const PROTOCOLS: Record<SimulatorOptions['ocpp'], ProtocolFactory> = {
  '1.6': (station) => new Ocpp16Protocol(station),
  '2.0.1': (station) => new Ocpp201Protocol(station),
};

export interface Simulation {
  readonly stations: SimulatedStation[];
  readonly stats: SimulationStats;
  /** Resolves once every station has been started. */
  readonly started: Promise<void>;
  /** Ends sessions cleanly, disconnects every station; idempotent. */
  stop(): Promise<void>;
}

export function stationIdentity(prefix: string, index: number, total: number): string {
  return `${prefix}-${String(index + 1).padStart(Math.max(4, String(total).length), '0')}`;
}

/** Creates the stations, connects them at the configured rate and runs the mode's scenario. */
export function startSimulation(options: SimulatorOptions, stats = new SimulationStats()): Simulation {
  const random = seededRandom(options.seed);
  const stations = Array.from(
    { length: options.stations },
    (_, index) =>
      new SimulatedStation(
        {
          identity: stationIdentity(options.idPrefix, index, options.stations),
          endpoint: options.url,
          password: options.password,
          connectors: options.connectors,
          meterIntervalS: options.interval,
          speed: options.speed,
          rebootDelayS: options.rebootDelay,
          unplugDelayS: Math.min(2, options.idle / 2),
        },
        stats,
        seededRandom(options.seed * 7919 + index),
        PROTOCOLS[options.ocpp],
      ),
  );
  const scenarioAbort = new AbortController();
  setMaxListeners(0, scenarioAbort.signal);
  const gapMs = 1000 / options.connectRate;
  const started = (async () => {
    const boots: Promise<void>[] = [];
    for (const station of stations) {
      boots.push(station.start());
      if (!(await delay(gapMs, scenarioAbort.signal))) break;
    }
    await Promise.all(boots);
  })();
  const scenario = SCENARIOS[options.mode]({
    options,
    stations,
    stats,
    random,
    signal: scenarioAbort.signal,
    started,
  });
  let stopping: Promise<void> | undefined;
  return {
    stations,
    stats,
    started,
    stop: () => {
      stopping ??= (async () => {
        scenarioAbort.abort();
        await scenario;
        await Promise.all(stations.map((station) => station.shutdown()));
      })();
      return stopping;
    },
  };
}
