import { mongo } from 'mongoose';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { count, kb, latencies, lastLines, log, machineNow, runBench, verdict } from './support/bench-format';
import { csmsNodeArgs, parseBenchOptions } from './support/bench-options';
import { MemorySnapshot } from './support/bench-probe';
import { appendBenchRow, benchDate, BENCHMARKS_DOC } from './support/benchmarks.doc';
import { ChildServer } from './support/child-server';
import { BENCH_TENANT, startCsmsUnderTest } from './support/csms-under-test';
import { logDatabaseCommands } from './support/database-commands';
import { LatencyRecorder } from './support/latency-recorder';
import { stationIdOf } from './support/meter-values.load';
import { OcppStationClient } from './support/ocpp-station.client';
import { forEachLimited } from './support/run-limited';

/**
 * Connected stations with heartbeats: N OCPP 1.6-J stations connect, boot (throttled) and send
 * heartbeats; the memory the server holds per station, against a bare `ws` server holding N idle
 * connections. Usage: npm run bench:stations -- --stations 10000 --heartbeat 60
 */

const TARGET_KB_PER_STATION = 100;
const CALL_TIMEOUT_MS = 30_000;
const BOOT_RETRIES = 2;

const options = parseBenchOptions(process.argv.slice(2), {
  stations: { default: 10_000, min: 10, max: 15_000, integer: true },
  heartbeat: { default: 60, min: 10, max: 3600 },
  'boot-concurrency': { default: 20, min: 1, max: 1000, integer: true },
  hold: { default: 60, min: 0, max: 600 },
  'boot-budget': { default: 3600, min: 10, max: 14_400 },
});
const warmup = Math.max(10, Math.min(200, Math.floor(options.stations / 10)));

interface Counters {
  connectFailures: number;
  bootFailures: number;
  bootRetries: number;
  errorSamples: Set<string>;
}

interface MemoryDelta {
  rssPerStation: number;
  heapPerStation: number;
  before: MemorySnapshot;
  after: MemorySnapshot;
}

function noteError(counters: Counters, error: string): void {
  if (counters.errorSamples.size < 5) counters.errorSamples.add(error);
}

async function connectStation(
  urlPrefix: string,
  index: number,
  boot: boolean,
  counters: Counters,
): Promise<OcppStationClient | undefined> {
  let client: OcppStationClient;
  try {
    client = await OcppStationClient.connect(`${urlPrefix}${stationIdOf(index)}`, CALL_TIMEOUT_MS);
  } catch (error) {
    counters.connectFailures++;
    noteError(counters, (error as Error).message);
    return undefined;
  }
  if (!boot) return client;
  const request = { chargePointVendor: 'VoltGrid', chargePointModel: 'Bench', firmwareVersion: '1.0.0' };
  for (let attempt = 0; attempt <= BOOT_RETRIES; attempt++) {
    if (attempt > 0) {
      counters.bootRetries++;
      await sleep(1000);
    }
    const outcome = await client.call('BootNotification', request, CALL_TIMEOUT_MS);
    if (outcome.ok && outcome.payload.status === 'Accepted') return client;
    const error = outcome.ok ? `BootNotification ${String(outcome.payload.status)}` : outcome.error;
    noteError(counters, error);
    if (!error.startsWith('CALLERROR')) break;
  }
  counters.bootFailures++;
  await client.close();
  return undefined;
}

/** Connects stations [from, to) at most `concurrency` at a time; stops starting new ones at the deadline. */
async function connectRange(
  urlPrefix: string,
  from: number,
  to: number,
  boot: boolean,
  concurrency: number,
  deadline: number,
  counters: Counters,
  onConnected: (client: OcppStationClient) => void,
): Promise<void> {
  await forEachLimited(to - from, concurrency, async (offset) => {
    if (performance.now() > deadline) {
      counters.bootFailures++;
      return;
    }
    const client = await connectStation(urlPrefix, from + offset, boot, counters);
    if (client) onConnected(client);
  });
}

async function memoryOf(server: ChildServer): Promise<MemorySnapshot> {
  return server.ask<MemorySnapshot>({ type: 'memory' }, 120_000);
}

function delta(before: MemorySnapshot, after: MemorySnapshot, stations: number): MemoryDelta {
  return {
    before,
    after,
    rssPerStation: (after.rss - before.rss) / stations,
    heapPerStation: (after.heapUsed - before.heapUsed) / stations,
  };
}

function printMemory(name: string, memory: MemoryDelta, unit: string): void {
  const mb = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
  log(
    `  ${name}: RSS ${mb(memory.before.rss)} → ${mb(memory.after.rss)} MB, heap ${mb(memory.before.heapUsed)} → ` +
      `${mb(memory.after.heapUsed)} MB: ${kb(memory.rssPerStation)} KB RSS, ${kb(memory.heapPerStation)} KB heap ` +
      `per ${unit}${memory.after.collected ? '' : ' (no --expose-gc: heap not collected first)'}`,
  );
}

async function measureBaseline(): Promise<MemoryDelta & { connected: number; counters: Counters }> {
  const { server, port } = await ChildServer.start({
    name: 'baseline ws server',
    entry: 'bench/support/echo-server.ts',
    nodeArgs: ['--expose-gc'],
    readyPattern: /listening (\d+)/,
    startTimeoutMs: 60_000,
    ipc: true,
  });
  const clients: OcppStationClient[] = [];
  const counters: Counters = { connectFailures: 0, bootFailures: 0, bootRetries: 0, errorSamples: new Set() };
  try {
    const prefix = `ws://127.0.0.1:${port}/ocpp/${BENCH_TENANT}/`;
    const deadline = performance.now() + options['boot-budget'] * 1000;
    const keep = (client: OcppStationClient): void => void clients.push(client);
    await connectRange(prefix, 0, warmup, false, options['boot-concurrency'], deadline, counters, keep);
    const before = await memoryOf(server);
    await connectRange(
      prefix,
      warmup,
      options.stations,
      false,
      options['boot-concurrency'],
      deadline,
      counters,
      keep,
    );
    await sleep(Math.min(5, options.hold) * 1000);
    const after = await memoryOf(server);
    return {
      ...delta(before, after, Math.max(1, clients.length - warmup)),
      connected: clients.length,
      counters,
    };
  } finally {
    clients.forEach((client) => client.terminate());
    await server.stop();
  }
}

interface CsmsRun extends MemoryDelta {
  /** Before the heartbeats started: the stations' own state, with no request backlog. */
  afterBoot: MemoryDelta;
  booted: number;
  counters: Counters;
  bootSeconds: number;
  heartbeats: LatencyRecorder;
  heartbeatErrors: number;
  onlineInDatabase: number;
}

async function measureCsms(): Promise<CsmsRun> {
  const csms = await startCsmsUnderTest({
    env: { HEARTBEAT_INTERVAL_SECONDS: String(Math.max(10, Math.round(options.heartbeat))) },
    nodeArgs: csmsNodeArgs(options, ['--expose-gc']),
  });
  const clients: OcppStationClient[] = [];
  const counters: Counters = { connectFailures: 0, bootFailures: 0, bootRetries: 0, errorSamples: new Set() };
  const heartbeats = new LatencyRecorder();
  let heartbeatErrors = 0;
  let running = true;
  const timers: NodeJS.Timeout[] = [];
  // Once every station has booted, each heartbeats at the interval from a random phase, as a fleet does.
  const heartbeatOf = (client: OcppStationClient): void => {
    let inFlight = false;
    const beat = (): void => {
      if (inFlight || !running) return;
      inFlight = true;
      void client.call('Heartbeat', {}, CALL_TIMEOUT_MS).then((outcome) => {
        inFlight = false;
        if (!running) return;
        if (outcome.ok) heartbeats.record(outcome.latencyMs);
        else {
          heartbeatErrors++;
          noteError(counters, `Heartbeat: ${outcome.error}`);
        }
      });
    };
    const start = setTimeout(
      () => {
        beat();
        timers.push(setInterval(beat, options.heartbeat * 1000));
      },
      Math.random() * options.heartbeat * 1000,
    );
    timers.push(start);
  };
  const booted = (client: OcppStationClient): void => void clients.push(client);
  try {
    log(`CSMS listening on ${csms.origin} (pid ${csms.server.pid}); ${warmup} stations warm up first`);
    const deadline = performance.now() + options['boot-budget'] * 1000;
    await connectRange(
      csms.stationUrlPrefix,
      0,
      warmup,
      true,
      options['boot-concurrency'],
      deadline,
      counters,
      booted,
    );
    const before = await memoryOf(csms.server);
    await logDatabaseCommands(csms.server, 'the warm-up', () => undefined);
    const bootStart = performance.now();
    const progress = setInterval(() => log(`  … ${clients.length} booted`), 30_000);
    await connectRange(
      csms.stationUrlPrefix,
      warmup,
      options.stations,
      true,
      options['boot-concurrency'],
      deadline,
      counters,
      booted,
    );
    clearInterval(progress);
    const bootSeconds = (performance.now() - bootStart) / 1000;
    log(`  ${clients.length} stations booted (${bootSeconds.toFixed(1)} s after the warm-up)`);
    const afterBoot = await memoryOf(csms.server);
    await logDatabaseCommands(csms.server, 'the boots', log);
    log(`  heartbeats for ${options.hold} s`);
    clients.forEach(heartbeatOf);
    await sleep(options.hold * 1000);
    const after = await memoryOf(csms.server);
    await logDatabaseCommands(csms.server, 'the heartbeats', log);
    if (!csms.server.alive) throw new Error(`the CSMS died during the run:\n${csms.server.output}`);
    const onlineInDatabase = await countOnline(csms.databaseUri).catch(() => NaN);
    if (counters.bootFailures + heartbeatErrors > 0)
      log(`last CSMS output:\n${lastLines(csms.server.output, 8)}`);
    const added = Math.max(1, clients.length - warmup);
    return {
      ...delta(before, after, added),
      afterBoot: delta(before, afterBoot, added),
      booted: clients.length,
      counters,
      bootSeconds,
      heartbeats,
      heartbeatErrors,
      onlineInDatabase,
    };
  } finally {
    running = false;
    timers.forEach((timer) => clearTimeout(timer));
    clients.forEach((client) => client.terminate());
    await csms.stop();
  }
}

async function countOnline(databaseUri: string): Promise<number> {
  const client = new mongo.MongoClient(databaseUri, {
    directConnection: true,
    serverSelectionTimeoutMS: 10_000,
  });
  try {
    await client.connect();
    return await client
      .db()
      .collection('charging_stations')
      .countDocuments({ tenantId: BENCH_TENANT, online: true }, { maxTimeMS: 60_000 });
  } finally {
    await client.close();
  }
}

async function main(): Promise<void> {
  const machine = machineNow();
  log(`connected-stations benchmark: ${options.stations} stations, heartbeat every ${options.heartbeat} s`);
  log(`machine: ${machine}`);

  const baseline = await measureBaseline();
  log(`\nbaseline (bare ws server): ${baseline.connected}/${options.stations} idle connections`);
  printMemory('server', baseline, 'connection');
  for (const sample of baseline.counters.errorSamples) log(`  error: ${sample}`);
  if (baseline.connected < options.stations / 2)
    throw new Error('the baseline could not hold the connections');

  const csms = await measureCsms();
  const hb = csms.heartbeats.summary();
  log(
    `\nCSMS: ${csms.booted}/${options.stations} stations booted, ${count(csms.onlineInDatabase)} online in the database`,
  );
  log(
    `  boot: ${csms.bootSeconds.toFixed(1)} s for ${csms.booted - warmup} stations ` +
      `(${((csms.booted - warmup) / csms.bootSeconds).toFixed(0)}/s, ${options['boot-concurrency']} at a time); ` +
      `connect failures ${csms.counters.connectFailures}, boot failures ${csms.counters.bootFailures}, retries ${csms.counters.bootRetries}`,
  );
  log(
    `  heartbeats: ${hb.count} answered, ${csms.heartbeatErrors} errors, latency ms p50/p95/p99 ${latencies(hb)}`,
  );
  printMemory('server after boot', csms.afterBoot, 'station');
  printMemory('server after heartbeats', csms, 'station');
  for (const sample of csms.counters.errorSamples) log(`  error: ${sample}`);
  if (csms.booted === 0) throw new Error('no station could boot on the CSMS');

  const ratio = csms.rssPerStation / baseline.rssPerStation;
  const pass = csms.rssPerStation < TARGET_KB_PER_STATION * 1024 && csms.booted === options.stations;
  log(`\nratio CSMS/baseline RSS per station: ${ratio.toFixed(1)}`);
  log(
    `  ${verdict(pass)}  < ${TARGET_KB_PER_STATION} KB RSS per station with every station booted (${kb(csms.rssPerStation)} KB)`,
  );

  if (!options.noRecord) {
    await appendBenchRow(
      {
        heading: '## Connected stations with heartbeats (`npm run bench:stations`)',
        intro: `N OCPP 1.6-J stations connect and boot (a few at a time, so the embedded database keeps up), then
all send Heartbeats at the given interval (random phase) for the hold time; the CSMS's memory per station
(RSS and V8 heap after a full GC, growth from after a warm-up of min(200, N/10) stations, divided by the
stations added), once all booted and again after the heartbeats, against a bare \`ws\` server holding as
many idle connections. Target: < 100 KB RSS per station after the heartbeats, every station booted.
Heartbeat latencies in ms: p50 / p95 / p99.`,
        columns: [
          'Date (UTC)',
          'Machine',
          'Stations × heartbeat s',
          'Boot s (per s)',
          'Boot failures',
          'Heartbeats ok / errors',
          'Heartbeat latency',
          'Baseline KB/conn: RSS / heap',
          'CSMS KB/station after boot: RSS / heap',
          'CSMS KB/station after heartbeats: RSS / heap',
          'Ratio (RSS)',
          'Verdict',
        ],
      },
      [
        benchDate(),
        machine,
        `${count(options.stations)} × ${options.heartbeat}`,
        `${csms.bootSeconds.toFixed(0)} (${((csms.booted - warmup) / csms.bootSeconds).toFixed(0)})`,
        String(csms.counters.bootFailures + csms.counters.connectFailures),
        `${count(hb.count)} / ${csms.heartbeatErrors}`,
        latencies(hb),
        `${kb(baseline.rssPerStation)} / ${kb(baseline.heapPerStation)}`,
        `${kb(csms.afterBoot.rssPerStation)} / ${kb(csms.afterBoot.heapPerStation)}`,
        `${kb(csms.rssPerStation)} / ${kb(csms.heapPerStation)}`,
        ratio.toFixed(1),
        verdict(pass),
      ],
    );
    log(`row appended to ${BENCHMARKS_DOC}`);
  }
}

runBench(main);
