import { delay } from '../station/delay';
import { demoScenario } from './charging.scenario';
import { Scenario } from './scenario';

/** storm: sessions as in demo, and every `stormEvery` seconds all stations drop, reconnect and boot at once. */
export const stormScenario: Scenario = async (context) => {
  const { options, stations, stats, signal } = context;
  const storms = (async () => {
    await context.started;
    while (await delay(options.stormEvery * 1000, signal)) {
      const began = performance.now();
      await Promise.all(stations.map((station) => station.reconnectAndBoot()));
      if (signal.aborted) return;
      stats.storms.push({ stations: stations.length, durationMs: performance.now() - began });
    }
  })();
  await Promise.all([demoScenario(context), storms]);
};
