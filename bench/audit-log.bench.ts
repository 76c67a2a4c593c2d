import { performance } from 'node:perf_hooks';
import { count, lastLines, latencies, log, machineNow, runBench, verdict } from './support/bench-format';
import { csmsNodeArgs, parseBenchOptions } from './support/bench-options';
import { withDatabase } from './support/bench-database';
import { benchTagOf, createBenchAdmin, createTagsAs } from './support/bench-tags.setup';
import { appendBenchRow, benchDate, BENCHMARKS_DOC } from './support/benchmarks.doc';
import { CsmsUnderTest, startCsmsUnderTest } from './support/csms-under-test';
import { GraphqlClient } from './support/graphql.client';
import { LatencyRecorder, LatencySummary } from './support/latency-recorder';

/**
 * What the audit log costs a mutation: N clients send `updateTag` in a closed loop, each on its own
 * tag, to the real server; baseline in the same run: the same mutations with their audit entry's write
 * switched off in the server (bench probe), in alternating windows. Then every acknowledged audited
 * mutation is looked up in the audit log. Usage: npm run bench:audit-log
 */

const TARGET_RATIO = 0.8;
const WARM_UP_MS = 2_000;

const options = parseBenchOptions(process.argv.slice(2), {
  clients: { default: 20, min: 1, max: 500, integer: true },
  /** Measured seconds per path, split into `rounds` alternating windows. */
  seconds: { default: 12, min: 2, max: 600 },
  rounds: { default: 3, min: 1, max: 20, integer: true },
});

const UPDATE_TAG = `mutation ($input: UpdateTagInput!) { updateTag(input: $input) { id active } }`;

interface PathFigures {
  name: string;
  mutations: number;
  seconds: number;
  latency: LatencyRecorder;
}

/** Every client updates its own tag back to back until `until`; returns how many were answered. */
async function closedLoop(admin: GraphqlClient, untilMs: number, latency?: LatencyRecorder): Promise<number> {
  let answered = 0;
  const client = async (index: number): Promise<void> => {
    let active = false;
    while (performance.now() < untilMs) {
      const started = performance.now();
      await admin.request(UPDATE_TAG, { input: { id: benchTagOf(index), active } });
      latency?.record(performance.now() - started);
      answered++;
      active = !active;
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
  return answered;
}

async function window(csms: CsmsUnderTest, admin: GraphqlClient, figures: PathFigures, audited: boolean) {
  await csms.server.ask({ type: 'auditWrites', on: audited });
  const windowMs = (options.seconds * 1000) / options.rounds;
  const started = performance.now();
  figures.mutations += await closedLoop(admin, started + windowMs, figures.latency);
  figures.seconds += (performance.now() - started) / 1000;
}

function print(figures: PathFigures, summary: LatencySummary): void {
  log(
    `${figures.name}: ${count(figures.mutations)} mutations in ${figures.seconds.toFixed(1)} s ` +
      `(${(figures.mutations / figures.seconds).toFixed(0)}/s); latency ms p50 / p95 / p99 ${latencies(summary)}`,
  );
}

async function main(): Promise<void> {
  const machine = machineNow();
  log(
    `audit-log benchmark: ${options.clients} clients, ${options.seconds} s per path in ${options.rounds} rounds`,
  );
  log(`machine: ${machine}`);
  const csms = await startCsmsUnderTest({ nodeArgs: csmsNodeArgs(options) });
  try {
    const { client: admin } = await createBenchAdmin(csms.graphqlUrl);
    await createTagsAs(admin, options.clients);

    await csms.server.ask({ type: 'auditWrites', on: true });
    let auditedAcks = await closedLoop(admin, performance.now() + WARM_UP_MS);
    const baseline: PathFigures = {
      name: 'baseline (no audit write)',
      mutations: 0,
      seconds: 0,
      latency: new LatencyRecorder(),
    };
    const audited: PathFigures = {
      name: 'CSMS (audited)',
      mutations: 0,
      seconds: 0,
      latency: new LatencyRecorder(),
    };
    const statsBefore = await csms.server.ask<{ batches: number; items: number }>({ type: 'auditStats' });
    for (let round = 0; round < options.rounds; round++) {
      // Alternating which path goes first, so that neither always runs on a warmer server.
      const order = round % 2 === 0 ? [false, true] : [true, false];
      for (const withAudit of order) await window(csms, admin, withAudit ? audited : baseline, withAudit);
    }
    auditedAcks += audited.mutations;
    const statsAfter = await csms.server.ask<{ batches: number; items: number }>({ type: 'auditStats' });
    await csms.server.ask({ type: 'auditWrites', on: true });
    if (!csms.server.alive)
      throw new Error(`the CSMS died during the run:\n${lastLines(csms.server.output, 8)}`);

    const stored = await withDatabase(csms.databaseUri, (db) =>
      db.collection('audit_log').countDocuments({ action: 'updateTag', outcome: 'ok' }),
    );
    const [baselineLatency, auditedLatency] = [baseline.latency.summary(), audited.latency.summary()];
    const batches = statsAfter.batches - statsBefore.batches;
    const entriesPerBatch = (statsAfter.items - statsBefore.items) / Math.max(1, batches);
    log('');
    print(baseline, baselineLatency);
    print(audited, auditedLatency);
    log(
      `audit entries per batch (group commit): ${entriesPerBatch.toFixed(1)} over ${count(batches)} batches`,
    );
    log(
      `audited mutations acknowledged: ${count(auditedAcks)}; their entries in the audit log: ${count(stored)}`,
    );
    const ratio = audited.mutations / audited.seconds / (baseline.mutations / baseline.seconds);
    const pass = ratio >= TARGET_RATIO && stored === auditedAcks;
    log(`\nratio audited/baseline throughput: ${ratio.toFixed(2)}`);
    log(`  ${verdict(pass)}  ratio ≥ ${TARGET_RATIO} and every acknowledged mutation audited`);

    if (!options.noRecord) {
      await appendBenchRow(
        {
          heading: '## Audited mutations (`npm run bench:audit-log`)',
          intro: `N clients send \`updateTag\` in a closed loop, each on its own tag, as a tenant admin; baseline in the
same run: the same mutations with the audit entry's write switched off in the server, in alternating windows.
Latencies in ms: p50 / p95 / p99. Stored / acked: audited mutations acknowledged and their entries found in the
audit log afterwards. Target: ratio (audited / baseline throughput) ≥ 0.8, every acknowledged mutation audited.`,
          columns: [
            'Date (UTC)',
            'Machine',
            'Clients × s per path',
            'Baseline /s (latency)',
            'Audited /s (latency)',
            'Entries per batch',
            'Stored / acked',
            'Ratio',
            'Verdict',
          ],
        },
        [
          benchDate(),
          machine,
          `${options.clients} × ${options.seconds}`,
          `${(baseline.mutations / baseline.seconds).toFixed(0)} (${latencies(baselineLatency)})`,
          `${(audited.mutations / audited.seconds).toFixed(0)} (${latencies(auditedLatency)})`,
          entriesPerBatch.toFixed(1),
          `${count(stored)} / ${count(auditedAcks)}`,
          ratio.toFixed(2),
          verdict(pass),
        ],
      );
      log(`row appended to ${BENCHMARKS_DOC}`);
    }
  } finally {
    await csms.stop();
  }
}

runBench(main);
