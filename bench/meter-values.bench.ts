import * as os from 'node:os';
import * as path from 'node:path';
import { csmsNodeArgs, parseBenchOptions } from './support/bench-options';
import { benchTagOf, createBenchTags } from './support/bench-tags.setup';
import { appendMeterValuesRow, BENCHMARKS_DOC, describeMachine } from './support/benchmarks.doc';
import { ChildServer } from './support/child-server';
import { BENCH_TENANT, startCsmsUnderTest } from './support/csms-under-test';
import { logDatabaseCommands } from './support/database-commands';
import { LoadResult, PacedResult, runMeterValuesLoad } from './support/meter-values.load';
import { CpuWindow } from './support/process-cpu';
import { checkStoredSamples, StoredCheck } from './support/stored-samples';

/**
 * Meter-value ingest: N stations in a closed loop of MeterValues against a bare `ws` baseline and
 * against the real CSMS (each server in its own process), then checks every acknowledged sample is
 * stored. Usage: npm run bench:meter-values -- --stations 500 --seconds 20
 */

const TENANT = BENCH_TENANT;
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 50;
const SERVER_START_TIMEOUT_MS = 120_000;

const options = parseBenchOptions(
  process.argv.slice(2),
  {
    stations: { default: 500, min: 1, max: 5000, integer: true },
    seconds: { default: 20, min: 1, max: 300 },
    warmup: { default: 3, min: 0, max: 60 },
    // Then the CSMS at this share of its closed-loop rate, on a schedule: the latency with headroom.
    'paced-share': { default: 0.5, min: 0, max: 1 },
  },
  // Develop the load generator against the baseline alone.
  ['baseline-only'],
);
const loadOptions = { stations: options.stations, seconds: options.seconds, warmupSeconds: options.warmup };

interface Measurement {
  load: LoadResult;
  cpu: CpuWindow;
}

interface CsmsMeasurement extends Measurement {
  stored: StoredCheck;
}

async function measureBaseline(): Promise<Measurement> {
  const { server, port } = await ChildServer.start({
    name: 'baseline ws server',
    entry: 'bench/support/echo-server.ts',
    readyPattern: /listening (\d+)/,
    startTimeoutMs: SERVER_START_TIMEOUT_MS,
  });
  const cpu = new CpuWindow({ server: server.pid, 'load generator': process.pid });
  try {
    const load = await runMeterValuesLoad(
      {
        name: 'baseline',
        stationUrlPrefix: `ws://127.0.0.1:${port}/ocpp/${TENANT}/`,
        idTagOf: benchTagOf,
        strict: undefined,
      },
      { ...loadOptions, cpu },
    );
    return { load, cpu };
  } finally {
    await server.stop();
  }
}

async function measureCsms(): Promise<CsmsMeasurement> {
  const csms = await startCsmsUnderTest({
    nodeArgs: csmsNodeArgs(options),
  });
  const { server } = csms;
  try {
    log(`database: ${csms.database.kind} on ${csms.database.uri}`);
    log(`CSMS listening on ${csms.origin} (pid ${server.pid}); creating ${options.stations} tags`);
    const tagsStart = Date.now();
    let acceptedTags = true;
    try {
      await createBenchTags(csms.graphqlUrl, options.stations);
      log(`tags created in ${((Date.now() - tagsStart) / 1000).toFixed(1)} s`);
    } catch (error) {
      // Unknown tags still get a transactionId (idTagInfo Invalid): the ingest path is measured all the same.
      acceptedTags = false;
      log(`could not create tags (${(error as Error).message}); stations charge with unknown tags`);
    }
    await logDatabaseCommands(server, 'start-up', () => undefined);
    const cpu = new CpuWindow({
      server: server.pid,
      database: csms.database.pid,
      'load generator': process.pid,
    });
    const load = await runMeterValuesLoad(
      {
        name: 'CSMS',
        stationUrlPrefix: csms.stationUrlPrefix,
        idTagOf: benchTagOf,
        strict: { acceptedTags },
      },
      { ...loadOptions, cpu, pacedShare: options['paced-share'] },
    );
    if (!server.alive) throw new Error(`the CSMS died during the run:\n${server.output}`);
    if (load.errors + load.setupFailures > 0) log(`last CSMS output:\n${lastLines(server.output, 8)}`);
    await logDatabaseCommands(server, 'the set-up and the run', log);
    // Counted while the server still runs: a sample must be stored when it is acknowledged, not at shutdown.
    const stored = await checkStoredSamples(csms.databaseUri, TENANT, load.acknowledgedByStation).catch(
      (error: unknown): StoredCheck => {
        const reason = (error as Error).message;
        log(`stored-sample check failed: ${reason}`);
        return { stored: 0, matched: 0, missing: 0, stationsMissingSamples: 0, ok: false, error: reason };
      },
    );
    return { load, cpu, stored };
  } finally {
    await csms.stop();
  }
}

function lastLines(text: string, count: number): string {
  return text
    .split('\n')
    .slice(-count)
    .map((line) => `  | ${line.slice(0, 400)}`)
    .join('\n');
}

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

const ms = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : '—');
const rate = (value: number): string => Math.round(value).toLocaleString('en-US');
const latencies = (result: LoadResult): string =>
  `${ms(result.measured.p50)} / ${ms(result.measured.p95)} / ${ms(result.measured.p99)}`;
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
const pacedSummary = ({ rate: offered, measured, errors }: PacedResult): string =>
  `${rate(offered)}/s: latency ms p50 ${ms(measured.p50)}  p95 ${ms(measured.p95)}  ` +
  `p99 ${ms(measured.p99)}  max ${ms(measured.max)}, errors ${errors}`;
const cpuPerMessage = ({ load, cpu }: Measurement, name: string): string => {
  const usedMs = cpu.usedMs.get(name);
  return usedMs === undefined ? '—' : ((usedMs * 1000) / Math.max(1, load.measured.count)).toFixed(0);
};

function printResult({ load: result, cpu }: Measurement): void {
  log(
    `\n${result.target}: ${result.charging}/${result.stations} stations charging, ` +
      `${rate(result.throughput)} MeterValues/s over ${result.windowSeconds} s`,
  );
  log(
    `  latency ms p50 ${ms(result.measured.p50)}  p95 ${ms(result.measured.p95)}  ` +
      `p99 ${ms(result.measured.p99)}  max ${ms(result.measured.max)}`,
  );
  log(
    `  acknowledged ${result.acknowledged} (warm-up included), errors ${result.errors}, ` +
      `set-up failures ${result.setupFailures}, boot retries ${result.bootRetries} ` +
      `(set-up took ${result.setupSeconds.toFixed(1)} s)`,
  );
  for (const sample of result.errorSamples) log(`  error: ${sample}`);
  if (result.paced) log(`  then paced at ${pacedSummary(result.paced)}`);
  // CPU per message is less at the mercy of other work on the machine than rates are.
  const perMessage = [...cpu.usedMs].map(
    ([name, usedMs]) =>
      `${name} ${((usedMs * 1000) / Math.max(1, result.measured.count)).toFixed(0)} µs ` +
      `(${((usedMs / (result.windowSeconds * 1000)) * 100).toFixed(0)}% of a core)`,
  );
  if (perMessage.length) log(`  CPU per MeterValues: ${perMessage.join(', ')}`);
}

async function main(): Promise<number> {
  // Other work on the machine moves the figures: the 1-minute load average says how busy it was.
  const machine = `${describeMachine()}, load ${os.loadavg()[0].toFixed(1)}`;
  log(
    `meter-value ingest benchmark: ${options.stations} stations, ${options.warmup} s warm-up + ${options.seconds} s`,
  );
  log(`machine: ${machine}`);

  const baselineRun = await measureBaseline();
  printResult(baselineRun);
  const baseline = baselineRun.load;
  if (baseline.charging === 0) throw new Error('no station reached the baseline');
  if (options['baseline-only']) return 0;

  const csms = await measureCsms();
  printResult(csms);
  const { stored } = csms;
  const storedLine = stored.error
    ? `stored samples unknown: the database did not answer (${stored.error})`
    : `${stored.matched} of ${csms.load.acknowledged} acknowledged MeterValues found stored ` +
      `(${stored.stored} consumptions in all)` +
      (stored.ok ? '' : ` — ${stored.missing} missing on ${stored.stationsMissingSamples} stations`);
  log(`  ${storedLine}`);
  const storedCell = stored.error ? 'unchecked (database did not answer)' : String(stored.matched);
  if (csms.load.charging === 0) throw new Error('no station could start charging on the CSMS');

  const ratio = csms.load.throughput / baseline.throughput;
  const checks = {
    ratio: ratio >= TARGET_RATIO,
    p99: csms.load.measured.p99 < TARGET_P99_MS,
    stored: stored.ok && csms.load.acknowledged > 0,
  };
  const allPass = checks.ratio && checks.p99 && checks.stored;
  log(`\nratio CSMS/baseline throughput: ${ratio.toFixed(2)}`);
  log(`  ${verdict(checks.ratio)}  ratio ≥ ${TARGET_RATIO} (${ratio.toFixed(2)})`);
  log(`  ${verdict(checks.p99)}  p99 < ${TARGET_P99_MS} ms (${ms(csms.load.measured.p99)} ms)`);
  log(
    `  ${verdict(checks.stored)}  every acknowledged sample stored (${storedCell}/${csms.load.acknowledged})`,
  );
  log(`overall: ${verdict(allPass)}`);

  if (!options.noRecord) {
    await appendMeterValuesRow([
      new Date().toISOString().slice(0, 16).replace('T', ' '),
      machine,
      `${options.stations} × ${options.seconds}`,
      rate(baseline.throughput),
      latencies(baseline),
      rate(csms.load.throughput),
      latencies(csms.load),
      `${cpuPerMessage(baselineRun, 'server')} / ${cpuPerMessage(csms, 'server')} / ${cpuPerMessage(csms, 'database')}`,
      ratio.toFixed(2),
      `${csms.load.errors} / ${csms.load.setupFailures} / ${csms.load.bootRetries}`,
      `${storedCell} / ${csms.load.acknowledged}`,
      verdict(allPass),
      csms.load.paced
        ? `${rate(csms.load.paced.rate)}: ${ms(csms.load.paced.measured.p50)} / ${ms(csms.load.paced.measured.p99)}`
        : '—',
    ]);
    log(`row appended to ${path.relative(process.cwd(), BENCHMARKS_DOC)}`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `benchmark broke: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
