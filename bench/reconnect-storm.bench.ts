import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { count, lastLines, log, machineNow, ms, runBench, verdict } from './support/bench-format';
import { csmsNodeArgs, parseBenchOptions } from './support/bench-options';
import { withDatabase, insertTags } from './support/bench-database';
import { benchTagOf, createBenchAdmin } from './support/bench-tags.setup';
import { appendBenchRow, benchDate, BENCHMARKS_DOC } from './support/benchmarks.doc';
import { ChildServer } from './support/child-server';
import { BENCH_TENANT, startCsmsUnderTest } from './support/csms-under-test';
import { logDatabaseCommands } from './support/database-commands';
import { GraphqlClient } from './support/graphql.client';
import { LatencyRecorder, LatencySummary } from './support/latency-recorder';
import { ChargingStation, LoadTarget, prepareStation } from './support/meter-values.load';
import { OcppStationClient } from './support/ocpp-station.client';
import { forEachLimited } from './support/run-limited';

/**
 * Reconnect storm: N OCPP 1.6-J stations, each in a transaction with one meter value, all lose their
 * connection at once and reconnect and boot at once. Measured: time until every BootNotification is
 * accepted, errors, and what became of every session. Baseline in the same run: the same storm against a
 * bare `ws` server. Usage: npm run bench:reconnect-storm -- --stations 5000
 */

const TARGET_SECONDS = 60;
const CALL_TIMEOUT_MS = 30_000;
const POWER_LOSS = 'PowerLoss';

const options = parseBenchOptions(process.argv.slice(2), {
  stations: { default: 5000, min: 1, max: 15_000, integer: true },
  'setup-concurrency': { default: 20, min: 1, max: 1000, integer: true },
  /** Seconds after which stations still not accepted count as failures. */
  deadline: { default: 600, min: 10, max: 3600 },
  /** Seconds the set-up may take; stations not charging by then are left out of the storm (and counted). */
  'setup-budget': { default: 3600, min: 10, max: 14_400 },
});

interface StormResult {
  accepted: number;
  /** Seconds from the drop to the last BootNotification accepted. */
  allAcceptedSeconds: number;
  /** Per station, drop → accepted, ms. */
  perStation: LatencySummary;
  /** Per accepted attempt: how long its WebSocket upgrade took, and its BootNotification's answer, ms. */
  upgrade: LatencySummary;
  bootAnswer: LatencySummary;
  connectFailures: number;
  bootErrors: number;
  retries: number;
  errorSamples: string[];
  clients: OcppStationClient[];
}

/** Drops every connection at once; each station reconnects and boots at once, retrying as a station does. */
async function storm(
  urlPrefix: string,
  stations: { id: string; client: OcppStationClient }[],
  strict: boolean,
): Promise<StormResult> {
  const perStation = new LatencyRecorder();
  const upgrade = new LatencyRecorder();
  const bootAnswer = new LatencyRecorder();
  const errorSamples = new Set<string>();
  const note = (error: string): void => {
    if (errorSamples.size < 5) errorSamples.add(error);
  };
  let connectFailures = 0;
  let bootErrors = 0;
  let retries = 0;
  let lastAcceptedAt = 0;
  const clients: OcppStationClient[] = [];
  const droppedAt = performance.now();
  const deadline = droppedAt + options.deadline * 1000;
  for (const station of stations) station.client.terminate();
  await Promise.all(
    stations.map(async (station) => {
      let backoffMs = 1000;
      for (let attempt = 0; performance.now() < deadline; attempt++) {
        if (attempt > 0) {
          retries++;
          await sleep(backoffMs * (0.5 + Math.random()));
          backoffMs = Math.min(backoffMs * 2, 30_000);
        }
        let client: OcppStationClient;
        const connectingAt = performance.now();
        try {
          client = await OcppStationClient.connect(`${urlPrefix}${station.id}`, CALL_TIMEOUT_MS);
        } catch (error) {
          connectFailures++;
          note((error as Error).message);
          continue;
        }
        const upgradeMs = performance.now() - connectingAt;
        const outcome = await client.call(
          'BootNotification',
          { chargePointVendor: 'VoltGrid', chargePointModel: 'Bench', firmwareVersion: '1.0.0' },
          CALL_TIMEOUT_MS,
        );
        if (outcome.ok && (!strict || outcome.payload.status === 'Accepted')) {
          const now = performance.now();
          perStation.record(now - droppedAt);
          upgrade.record(upgradeMs);
          bootAnswer.record(outcome.latencyMs);
          lastAcceptedAt = Math.max(lastAcceptedAt, now);
          clients.push(client);
          return;
        }
        bootErrors++;
        note(outcome.ok ? `BootNotification ${String(outcome.payload.status)}` : outcome.error);
        client.terminate();
      }
    }),
  );
  return {
    accepted: clients.length,
    allAcceptedSeconds: (lastAcceptedAt - droppedAt) / 1000,
    perStation: perStation.summary(),
    upgrade: upgrade.summary(),
    bootAnswer: bootAnswer.summary(),
    connectFailures,
    bootErrors,
    retries,
    errorSamples: [...errorSamples],
    clients,
  };
}

function printStorm(name: string, result: StormResult): void {
  log(
    `\n${name}: ${result.accepted}/${options.stations} accepted, the last ${result.allAcceptedSeconds.toFixed(1)} s ` +
      `after the drop (per station ms p50 ${ms(result.perStation.p50)}, p99 ${ms(result.perStation.p99)})`,
  );
  log(
    `  accepted attempts, ms: upgrade p50 ${ms(result.upgrade.p50)}, p99 ${ms(result.upgrade.p99)}; ` +
      `BootNotification answer p50 ${ms(result.bootAnswer.p50)}, p99 ${ms(result.bootAnswer.p99)}`,
  );
  log(
    `  connect failures ${result.connectFailures}, boot errors ${result.bootErrors}, retries ${result.retries}`,
  );
  for (const sample of result.errorSamples) log(`  error: ${sample}`);
}

async function measureBaseline(): Promise<StormResult> {
  const { server, port } = await ChildServer.start({
    name: 'baseline ws server',
    entry: 'bench/support/echo-server.ts',
    readyPattern: /listening (\d+)/,
    startTimeoutMs: 60_000,
  });
  const prefix = `ws://127.0.0.1:${port}/ocpp/${BENCH_TENANT}/`;
  let result: StormResult | undefined;
  const stations: { id: string; client: OcppStationClient }[] = [];
  try {
    await forEachLimited(options.stations, options['setup-concurrency'], async (index) => {
      const id = `BENCH-${String(index + 1).padStart(4, '0')}`;
      stations.push({ id, client: await OcppStationClient.connect(`${prefix}${id}`, CALL_TIMEOUT_MS) });
    });
    result = await storm(prefix, stations, false);
    return result;
  } finally {
    result?.clients.forEach((client) => client.terminate());
    await server.stop();
  }
}

interface SessionCheck {
  stillOpen: number;
  closedPowerLoss: number;
  closedOtherwise: number;
  missing: number;
  /** Closed sessions whose energy is less than the meter values acknowledged before the storm. */
  energyLost: number;
  graphqlOpen: number;
  graphqlClosed: number;
}

async function checkSessions(
  databaseUri: string,
  stations: ChargingStation[],
  admin: GraphqlClient,
): Promise<SessionCheck> {
  const check: SessionCheck = {
    stillOpen: 0,
    closedPowerLoss: 0,
    closedOtherwise: 0,
    missing: 0,
    energyLost: 0,
    graphqlOpen: NaN,
    graphqlClosed: NaN,
  };
  const docs = await withDatabase(databaseUri, (db) =>
    db
      .collection<{
        chargingStationId: string;
        ocppTransactionId: string;
        active: boolean;
        stopReason?: string;
        energyWh?: number;
      }>('transactions')
      .find(
        { tenantId: BENCH_TENANT },
        {
          projection: {
            _id: 0,
            chargingStationId: 1,
            ocppTransactionId: 1,
            active: 1,
            stopReason: 1,
            energyWh: 1,
          },
        },
      )
      .toArray(),
  );
  const byKey = new Map(docs.map((doc) => [`${doc.chargingStationId}|${doc.ocppTransactionId}`, doc]));
  for (const station of stations) {
    const doc = byKey.get(`${station.id}|${station.transactionId}`);
    if (!doc) check.missing++;
    else if (doc.active) check.stillOpen++;
    else {
      if (doc.stopReason === POWER_LOSS) check.closedPowerLoss++;
      else check.closedOtherwise++;
      // Each station acknowledged one MeterValues of 10 Wh over meterStart 0 before the storm.
      if ((doc.energyWh ?? 0) < 10) check.energyLost++;
    }
  }
  const totalOf = async (active: boolean): Promise<number> => {
    const data = await admin.request<{ transactions: { totalCount: number } }>(
      `query ($active: Boolean) { transactions(first: 1, filter: { active: $active }) { totalCount } }`,
      { active },
    );
    return data.transactions.totalCount;
  };
  check.graphqlOpen = await totalOf(true);
  check.graphqlClosed = await totalOf(false);
  return check;
}

async function main(): Promise<void> {
  const machine = machineNow();
  log(`reconnect-storm benchmark: ${options.stations} stations, each in a transaction`);
  log(`machine: ${machine}`);

  const baseline = await measureBaseline();
  printStorm('baseline (bare ws server)', baseline);

  const csms = await startCsmsUnderTest({ nodeArgs: csmsNodeArgs(options) });
  let stormResult: StormResult | undefined;
  const stations: ChargingStation[] = [];
  try {
    log(`\nCSMS listening on ${csms.origin} (pid ${csms.server.pid})`);
    const admin = await createBenchAdmin(csms.graphqlUrl);
    await insertTags(csms.databaseUri, options.stations, benchTagOf);
    const target: LoadTarget = {
      name: 'CSMS',
      stationUrlPrefix: csms.stationUrlPrefix,
      idTagOf: benchTagOf,
      strict: { acceptedTags: true },
    };
    await logDatabaseCommands(csms.server, 'start-up', () => undefined);
    const setupStart = performance.now();
    const setupDeadline = setupStart + options['setup-budget'] * 1000;
    let setupFailures = 0;
    const setupErrors = new Set<string>();
    const progress = setInterval(() => log(`  … ${stations.length} stations charging`), 15_000);
    await forEachLimited(options.stations, options['setup-concurrency'], async (index) => {
      try {
        const station = await prepareStation(target, index, setupDeadline, () => undefined);
        const outcome = await station.client.call(
          'MeterValues',
          station.session.meterValues(station.transactionId).payload,
          CALL_TIMEOUT_MS,
        );
        if (!outcome.ok) throw new Error(`MeterValues: ${outcome.error}`);
        stations.push(station);
      } catch (error) {
        setupFailures++;
        if (setupErrors.size < 3) setupErrors.add((error as Error).message);
      }
    });
    clearInterval(progress);
    const setupSeconds = (performance.now() - setupStart) / 1000;
    log(
      `${stations.length} stations charging after ${setupSeconds.toFixed(0)} s (${setupFailures} set-up failures)`,
    );
    for (const error of setupErrors) log(`  set-up error: ${error}`);
    if (stations.length === 0) throw new Error('no station could start charging on the CSMS');
    await logDatabaseCommands(csms.server, 'the set-up', log);

    stormResult = await storm(csms.stationUrlPrefix, stations, true);
    printStorm('CSMS', stormResult);
    await logDatabaseCommands(csms.server, 'the storm', log);
    if (!csms.server.alive) throw new Error(`the CSMS died during the storm:\n${csms.server.output}`);
    if (stormResult.bootErrors + stormResult.connectFailures > 0)
      log(`last CSMS output:\n${lastLines(csms.server.output, 6)}`);

    const sessions = await checkSessions(csms.databaseUri, stations, admin.client);
    log(
      `  sessions of the ${stations.length} stations: ${sessions.closedPowerLoss} closed as ${POWER_LOSS} (a 1.6 boot ` +
        `says the station restarted), ${sessions.stillOpen} still open although their station booted again, ` +
        `${sessions.closedOtherwise} closed otherwise, ${sessions.missing} missing, ${sessions.energyLost} with energy lost`,
    );
    log(`  GraphQL reports ${sessions.graphqlOpen} open and ${sessions.graphqlClosed} closed transactions`);

    const ratio = stormResult.allAcceptedSeconds / baseline.allAcceptedSeconds;
    // Every station booted again, so every session must be closed as PowerLoss, with its energy.
    const sessionsKept =
      sessions.stillOpen === 0 &&
      sessions.missing === 0 &&
      sessions.closedOtherwise === 0 &&
      sessions.energyLost === 0 &&
      sessions.graphqlOpen === sessions.stillOpen &&
      sessions.graphqlClosed === sessions.closedPowerLoss;
    const inTime =
      stormResult.accepted === stations.length && stormResult.allAcceptedSeconds <= TARGET_SECONDS;
    // A station sees a refused connection or a boot left unanswered (it retries) as an error.
    const noErrors = stormResult.connectFailures === 0 && stormResult.bootErrors === 0;
    log(`\nratio CSMS/baseline time until all accepted: ${ratio.toFixed(1)}`);
    log(
      `  ${verdict(inTime)}  every station accepted within ${TARGET_SECONDS} s (${stormResult.allAcceptedSeconds.toFixed(1)} s)`,
    );
    log(
      `  ${verdict(noErrors)}  no error: every connection accepted and every BootNotification answered at the first attempt`,
    );
    log(
      `  ${verdict(sessionsKept)}  no session lost, each open or closed as ${POWER_LOSS} with its energy, as GraphQL reports`,
    );

    if (!options.noRecord) {
      await appendBenchRow(
        {
          heading: '## Reconnect storm (`npm run bench:reconnect-storm`)',
          intro: `N OCPP 1.6-J stations, each in a transaction with one acknowledged meter value (set up a few at a time),
lose their connections at once (stations not charging within the set-up budget are left out), then all reconnect and send BootNotification at once (a failed attempt is
retried after 1 s, doubling, with jitter). Measured: seconds from the drop until the last BootNotification is
accepted (per-station p50 / p99 in s), errors, and every session afterwards: a 1.6 boot means a restart, so
each must be closed as PowerLoss with its energy (open: still open after its station booted again), and
GraphQL must report the same. Baseline in the same run: the same storm against a bare \`ws\` server.
Target: all accepted within 60 s, no error, no session lost or left open.`,
          columns: [
            'Date (UTC)',
            'Machine',
            'Stations charging / asked',
            'Set-up s',
            'Baseline: all accepted s',
            'CSMS: all accepted s (p50 / p99)',
            'Accepted',
            'Connect failures / boot errors / retries',
            'Sessions open / PowerLoss / other / missing / energy lost',
            'Ratio',
            'Verdict',
          ],
        },
        [
          benchDate(),
          machine,
          `${count(stations.length)} / ${count(options.stations)}`,
          setupSeconds.toFixed(0),
          baseline.allAcceptedSeconds.toFixed(1),
          `${stormResult.allAcceptedSeconds.toFixed(1)} (${(stormResult.perStation.p50 / 1000).toFixed(1)} / ${(stormResult.perStation.p99 / 1000).toFixed(1)})`,
          `${count(stormResult.accepted)} / ${count(stations.length)}`,
          `${stormResult.connectFailures} / ${stormResult.bootErrors} / ${stormResult.retries}`,
          `${sessions.stillOpen} / ${sessions.closedPowerLoss} / ${sessions.closedOtherwise} / ${sessions.missing} / ${sessions.energyLost}`,
          ratio.toFixed(1),
          verdict(inTime && noErrors && sessionsKept),
        ],
      );
      log(`row appended to ${BENCHMARKS_DOC}`);
    }
  } finally {
    stormResult?.clients.forEach((client) => client.terminate());
    stations.forEach((station) => station.client.terminate());
    await csms.stop();
  }
}

runBench(main);
