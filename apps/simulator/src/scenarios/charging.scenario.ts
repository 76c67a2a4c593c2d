import { Scenario } from './scenario';
import { runConnectorLoop } from './session-loop';

/** demo: one connector per station keeps charging EV after EV, forever; the others wait for remote starts. */
export const demoScenario: Scenario = async ({ options, stations, random, signal }) => {
  await Promise.all(
    stations.map((station) =>
      runConnectorLoop(station, station.connectors[0], options.tag, options.idle, random, signal),
    ),
  );
};

/** load: every connector of every station runs sessions back to back, for benchmarks. */
export const loadScenario: Scenario = async ({ options, stations, random, signal }) => {
  await Promise.all(
    stations.flatMap((station) =>
      station.connectors.map((connector) =>
        runConnectorLoop(station, connector, options.tag, options.idle, random, signal),
      ),
    ),
  );
};
