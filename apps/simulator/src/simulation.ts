import { setMaxListeners } from 'node:events';
import { SimulatorOptions } from './cli/simulator-options';
import { loadCatalogCars } from './model/car-catalog';
import { dcSupply } from './model/charge-curve';
import { seededRandom } from './model/random';
import { Ocpp16Protocol } from './protocol/ocpp16/ocpp16-protocol';
import { Ocpp201Protocol } from './protocol/ocpp201/ocpp201-protocol';
import { demoScenario, loadScenario } from './scenarios/charging.scenario';
import { offlineScenario } from './scenarios/offline.scenario';
import { Scenario } from './scenarios/scenario';
import { stormScenario } from './scenarios/storm.scenario';
import { delay } from './station/delay';
import { OcppBinding, SimulatedStation } from './station/simulated-station';
import { SimulationStats } from './stats/simulation-stats';
import { jsonTransport } from './transport/json-transport';
import { soapTransport } from './transport/soap/soap-transport';

const SCENARIOS: Record<SimulatorOptions['mode'], Scenario> = {
  demo: demoScenario,
  load: loadScenario,
  storm: stormScenario,
  offline: offlineScenario,
  // Stations connect and answer; sessions come from the CSMS (remote start) or the caller (runSession).
  manual: async ({ signal }) => {
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  },
};

/** 1.6 over SOAP is the same station, the same payloads: only the transport differs. */
function bindingOf(options: SimulatorOptions): OcppBinding {
  switch (options.ocpp) {
    case '1.6':
      return { protocol: (station) => new Ocpp16Protocol(station), transport: jsonTransport('ocpp1.6') };
    case '2.0.1':
      return { protocol: (station) => new Ocpp201Protocol(station), transport: jsonTransport('ocpp2.0.1') };
    case '1.6-soap':
      return {
        protocol: (station) => new Ocpp16Protocol(station),
        transport: soapTransport({ host: options.soapHost }),
      };
  }
}

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
  const binding = bindingOf(options);
  const cars = options.cars === 'catalog' ? loadCatalogCars() : undefined;
  const supply = options.dcKw ? dcSupply(options.dcKw * 1000) : undefined;
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
          phaseSwitching: options.phaseSwitching,
          supply,
          cars,
        },
        stats,
        seededRandom(options.seed * 7919 + index),
        binding,
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
