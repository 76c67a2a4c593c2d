import { Connector } from '../model/connector';
import { delay } from '../station/delay';
import { SimulatedStation } from '../station/simulated-station';

/**
 * Drives one connector like a busy parking spot: wait until it is free, leave it idle for a while,
 * plug the next EV in, and again, until the signal aborts. Remote starts by the CSMS fit in between.
 */
export async function runConnectorLoop(
  station: SimulatedStation,
  connector: Connector,
  tag: string,
  idleS: number,
  random: () => number,
  signal: AbortSignal,
): Promise<void> {
  await Promise.race([
    station.firstBoot,
    new Promise((resolve) => signal.addEventListener('abort', resolve)),
  ]);
  while (!signal.aborted && station.running) {
    await station.waitUntilFree(connector, signal);
    const idleMs = idleS * 1000 * (0.5 + random());
    if (!(await delay(idleMs, signal))) return;
    if (!station.canStart(connector, tag)) {
      if (!(await delay(500, signal))) return;
      continue;
    }
    const started = await station.runSession(connector, tag, 'Local');
    if (!started && !(await delay(Math.max(1000, idleMs), signal))) return;
  }
}
