import { delay } from '../station/delay';
import { loadScenario } from './charging.scenario';
import { Scenario } from './scenario';

/**
 * offline: sessions on every connector, and every `offlineEvery` seconds an outage of `offlineFor`
 * seconds; stations keep charging, queue their transaction messages and replay them with the original
 * timestamps when the network is back.
 */
export const offlineScenario: Scenario = async (context) => {
  const { options, stations, stats, signal } = context;
  const outages = (async () => {
    await context.started;
    while (await delay(options.offlineEvery * 1000, signal)) {
      await Promise.all(stations.map((station) => station.goOffline()));
      stats.outages++;
      if (!(await delay(options.offlineFor * 1000, signal))) return;
      await Promise.all(stations.map((station) => station.goOnline()));
    }
  })();
  await Promise.all([loadScenario(context), outages]);
};
