import { mongo } from 'mongoose';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { count, latencies, lastLines, log, machineNow, ms, runBench, verdict } from './support/bench-format';
import { csmsNodeArgs, parseBenchOptions } from './support/bench-options';
import { benchTagOf, createBenchAdmin, createTagsAs } from './support/bench-tags.setup';
import { appendBenchRow, benchDate, BENCHMARKS_DOC } from './support/benchmarks.doc';
import { BENCH_TENANT, CsmsUnderTest, startCsmsUnderTest } from './support/csms-under-test';
import { GraphqlSubscriber } from './support/graphql-subscriber';
import { LatencyRecorder, LatencySummary } from './support/latency-recorder';
import { ChargingStation, prepareStation } from './support/meter-values.load';
import { forEachLimited } from './support/run-limited';

/**
 * Live charging curve: S stations in a transaction send MeterValues at a steady pace; K GraphQL
 * subscribers (graphql-ws, one connection each, authenticated) follow `consumptionAdded` of those
 * transactions. Measured: MeterValues sent → point received, per subscriber. Baseline, in the same run
 * and to the same subscribers: ConsumptionAdded published straight on the server's EventBus.
 * Usage: npm run bench:live-curve -- --subscribers 1000 --stations 100
 */

const TARGET_P99_MS = 100;
const CALL_TIMEOUT_MS = 15_000;
const SUBSCRIPTION = `subscription ($id: ID!) { consumptionAdded(transactionId: $id) { timestamp cumulatedWh } }`;

const options = parseBenchOptions(process.argv.slice(2), {
  subscribers: { default: 1000, min: 1, max: 5000, integer: true },
  stations: { default: 100, min: 1, max: 1000, integer: true },
  /** Milliseconds between two MeterValues of a station. */
  interval: { default: 1000, min: 50, max: 60_000 },
  seconds: { default: 20, min: 1, max: 600 },
  'connect-concurrency': { default: 50, min: 1, max: 1000, integer: true },
});

interface Sessions {
  stations: ChargingStation[];
  /** GraphQL transaction id per station, in station order. */
  transactionIds: string[];
}

/** Sent points, each awaited by the subscribers of its transaction: key `${transactionId}|${timestampMs}`. */
class Deliveries {
  readonly latencies = new LatencyRecorder();
  private readonly sentAt = new Map<string, number>();
  expected = 0;
  received = 0;
  late = 0;

  constructor(private readonly subscribersOf: Map<string, number>) {}

  sent(transactionId: string, timestampMs: number): void {
    this.sentAt.set(`${transactionId}|${timestampMs}`, performance.now());
    this.expected += this.subscribersOf.get(transactionId) ?? 0;
  }

  /** Returns false for a point this phase did not send (the other phase's, or a final one). */
  receive(transactionId: string, timestampMs: number, at: number): boolean {
    const sentAt = this.sentAt.get(`${transactionId}|${timestampMs}`);
    if (sentAt === undefined) return false;
    this.received++;
    this.latencies.record(at - sentAt);
    return true;
  }

  summary(): LatencySummary {
    return this.latencies.summary();
  }
}

async function startSessions(csms: CsmsUnderTest): Promise<Sessions> {
  const stations: ChargingStation[] = [];
  const deadline = performance.now() + 600_000;
  const failures: string[] = [];
  await forEachLimited(options.stations, 10, async (index) => {
    try {
      stations[index] = await prepareStation(
        {
          name: 'CSMS',
          stationUrlPrefix: csms.stationUrlPrefix,
          idTagOf: benchTagOf,
          strict: { acceptedTags: true },
        },
        index,
        deadline,
        () => undefined,
      );
    } catch (error) {
      failures.push((error as Error).message);
    }
  });
  if (failures.length)
    throw new Error(`${failures.length} stations could not start charging: ${failures[0]}`);
  const client = new mongo.MongoClient(csms.databaseUri, { directConnection: true });
  try {
    await client.connect();
    const docs = await client
      .db()
      .collection<{ _id: string; chargingStationId: string }>('transactions')
      .find({ tenantId: BENCH_TENANT, active: true }, { projection: { _id: 1, chargingStationId: 1 } })
      .toArray();
    const byStation = new Map(docs.map((doc) => [doc.chargingStationId, doc._id]));
    const transactionIds = stations.map((station) => {
      const id = byStation.get(station.id);
      if (!id) throw new Error(`no active transaction stored for ${station.id}`);
      return id;
    });
    return { stations, transactionIds };
  } finally {
    await client.close();
  }
}

interface Subscribers {
  all: GraphqlSubscriber[];
  /** Which phase receives the points now. */
  phase?: Deliveries;
  firstPointSeen: Set<number>;
  errors: string[];
  /** Points received that no phase sent. */
  strays: number;
}

async function subscribe(csms: CsmsUnderTest, token: string, transactionIds: string[]): Promise<Subscribers> {
  const subscribers: Subscribers = { all: [], firstPointSeen: new Set(), errors: [], strays: 0 };
  await forEachLimited(options.subscribers, options['connect-concurrency'], async (index) => {
    const subscriber = await GraphqlSubscriber.connect(`ws://${csms.origin}/graphql`, token);
    subscribers.all.push(subscriber);
    const transactionId = transactionIds[index % transactionIds.length];
    subscriber.subscribe<{ consumptionAdded: { timestamp: string } }>(
      SUBSCRIPTION,
      { id: transactionId },
      (data) => {
        const at = performance.now();
        subscribers.firstPointSeen.add(index);
        const timestampMs = Date.parse(data.consumptionAdded.timestamp);
        if (!subscribers.phase?.receive(transactionId, timestampMs, at)) subscribers.strays++;
      },
      (error) => subscribers.errors.push(error),
    );
  });
  return subscribers;
}

/**
 * Every station sends one point every `interval` ms (stations spread over the interval) for `seconds`;
 * `send` resolves when the point is out (for MeterValues: answered). Then waits for late deliveries.
 */
async function runPhase(
  sessions: Sessions,
  deliveries: Deliveries,
  send: (index: number) => Promise<void>,
): Promise<void> {
  const until = performance.now() + options.seconds * 1000;
  await Promise.all(
    sessions.stations.map(async (_station, index) => {
      await sleep((options.interval * index) / sessions.stations.length);
      let next = performance.now();
      while (performance.now() < until) {
        await send(index);
        next += options.interval;
        const wait = next - performance.now();
        if (wait > 0) await sleep(wait);
      }
    }),
  );
  const graceUntil = performance.now() + 10_000;
  while (deliveries.received < deliveries.expected && performance.now() < graceUntil) await sleep(50);
}

function printPhase(name: string, deliveries: Deliveries): void {
  const summary = deliveries.summary();
  log(
    `\n${name}: ${count(deliveries.received)}/${count(deliveries.expected)} points delivered; latency ms ` +
      `p50 ${ms(summary.p50)}  p95 ${ms(summary.p95)}  p99 ${ms(summary.p99)}  max ${ms(summary.max)}`,
  );
}

async function main(): Promise<void> {
  const machine = machineNow();
  const pointsPerSecond = (options.stations * 1000) / options.interval;
  log(
    `live-curve benchmark: ${options.subscribers} subscribers on ${options.stations} transactions, ` +
      `${pointsPerSecond.toFixed(0)} points/s for ${options.seconds} s per phase`,
  );
  log(`machine: ${machine}`);
  const csms = await startCsmsUnderTest({ nodeArgs: csmsNodeArgs(options) });
  let subscribers: Subscribers | undefined;
  try {
    const admin = await createBenchAdmin(csms.graphqlUrl);
    await createTagsAs(admin.client, options.stations);
    const setupStart = performance.now();
    const sessions = await startSessions(csms);
    log(
      `${sessions.stations.length} stations charging (${((performance.now() - setupStart) / 1000).toFixed(1)} s)`,
    );

    const subscribersOf = new Map<string, number>();
    for (let index = 0; index < options.subscribers; index++) {
      const id = sessions.transactionIds[index % sessions.transactionIds.length];
      subscribersOf.set(id, (subscribersOf.get(id) ?? 0) + 1);
    }
    subscribers = await subscribe(csms, admin.token, sessions.transactionIds);
    log(`${subscribers.all.length} subscribers connected`);

    // Ready when every subscriber has seen a point (its subscription is registered on the server): the
    // stations whose subscribers have not send MeterValues again, until all have or a minute is over.
    const readyUntil = performance.now() + 60_000;
    while (subscribers.firstPointSeen.size < options.subscribers && performance.now() < readyUntil) {
      const waiting = new Set<number>();
      for (let index = 0; index < options.subscribers; index++) {
        if (!subscribers.firstPointSeen.has(index)) waiting.add(index % sessions.stations.length);
      }
      await Promise.all(
        [...waiting].map((index) => {
          const station = sessions.stations[index];
          const sample = station.session.meterValues(station.transactionId);
          return station.client.call('MeterValues', sample.payload, CALL_TIMEOUT_MS);
        }),
      );
      await sleep(500);
    }
    log(`${subscribers.firstPointSeen.size}/${options.subscribers} subscribers received their first point`);
    if (subscribers.errors.length) log(`  subscription error: ${subscribers.errors[0]}`);
    subscribers.strays = 0;

    // Baseline: the same points published straight on the EventBus.
    const baseline = new Deliveries(subscribersOf);
    subscribers.phase = baseline;
    const lastTimestamp = sessions.stations.map(() => 0);
    let cumulatedWh = 0;
    await runPhase(sessions, baseline, async (index) => {
      const station = sessions.stations[index];
      const timestampMs = (lastTimestamp[index] = Math.max(Date.now(), lastTimestamp[index] + 1));
      baseline.sent(sessions.transactionIds[index], timestampMs);
      await csms.server.ask({
        type: 'publishConsumption',
        tenantId: BENCH_TENANT,
        transactionId: sessions.transactionIds[index],
        chargingStationId: station.id,
        connectorId: 1,
        timestampMs,
        cumulatedWh: (cumulatedWh += 10),
      });
    });
    printPhase('baseline (EventBus publish)', baseline);

    // The CSMS: MeterValues from the stations, through OCPP, the transaction service and the EventBus.
    const live = new Deliveries(subscribersOf);
    subscribers.phase = live;
    let meterValueErrors = 0;
    const errorSamples = new Set<string>();
    await runPhase(sessions, live, async (index) => {
      const station = sessions.stations[index];
      const sample = station.session.meterValues(station.transactionId);
      live.sent(sessions.transactionIds[index], sample.timestampMs);
      const outcome = await station.client.call('MeterValues', sample.payload, CALL_TIMEOUT_MS);
      if (!outcome.ok) {
        meterValueErrors++;
        if (errorSamples.size < 5) errorSamples.add(outcome.error);
      }
    });
    printPhase('CSMS (MeterValues)', live);
    log(`  MeterValues errors ${meterValueErrors}, points no phase sent ${subscribers.strays}`);
    for (const sample of errorSamples) log(`  error: ${sample}`);
    if (subscribers.errors.length)
      log(`  subscription errors ${subscribers.errors.length}: ${subscribers.errors[0]}`);
    if (meterValueErrors > 0) log(`last CSMS output:\n${lastLines(csms.server.output, 8)}`);

    const base = baseline.summary();
    const measured = live.summary();
    const ratio = measured.p99 / base.p99;
    const pass = measured.p99 < TARGET_P99_MS && live.received === live.expected && live.expected > 0;
    log(`\nratio CSMS/baseline p99 latency: ${ratio.toFixed(1)}`);
    log(
      `  ${verdict(pass)}  p99 < ${TARGET_P99_MS} ms with every point delivered (${ms(measured.p99)} ms, ${live.received}/${live.expected})`,
    );

    if (!options.noRecord) {
      await appendBenchRow(
        {
          heading: '## Live charging curve (`npm run bench:live-curve`)',
          intro: `K GraphQL subscribers (graphql-ws, one authenticated connection each) follow \`consumptionAdded\` of S
transactions (K/S per transaction) while each station sends a MeterValues every interval; latency from
MeterValues sent to point received, per subscriber. Baseline in the same run, to the same subscribers:
ConsumptionAdded published straight on the server's EventBus (over IPC from the benchmark). Target:
p99 < 100 ms, every point delivered. Latencies in ms: p50 / p95 / p99.`,
          columns: [
            'Date (UTC)',
            'Machine',
            'Subscribers × transactions, points/s × s',
            'Baseline latency',
            'Baseline delivered',
            'CSMS latency',
            'CSMS delivered',
            'MeterValues errors',
            'Ratio (p99)',
            'Verdict',
          ],
        },
        [
          benchDate(),
          machine,
          `${count(options.subscribers)} × ${options.stations}, ${pointsPerSecond.toFixed(0)} × ${options.seconds}`,
          latencies(base),
          `${count(baseline.received)} / ${count(baseline.expected)}`,
          latencies(measured),
          `${count(live.received)} / ${count(live.expected)}`,
          String(meterValueErrors),
          ratio.toFixed(1),
          verdict(pass),
        ],
      );
      log(`row appended to ${BENCHMARKS_DOC}`);
    }
  } finally {
    await Promise.all(
      (subscribers?.all ?? []).map((subscriber) => subscriber.close().catch(() => undefined)),
    );
    await csms.stop();
  }
}

runBench(main);
