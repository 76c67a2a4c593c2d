import { SessionFact } from '@csms/statistics';
import { factDocument } from '@csms/statistics/facts/session-fact.repository';
import { Measures } from '@csms/statistics/measures';
import { foldDays, foldUp } from '@csms/statistics/rollups/bucket-fold';
import { Bucket } from '@csms/statistics/rollups/bucket';
import { rollupDocument } from '@csms/statistics/rollups/statistics-rollup.repository';
import { dayKey, daysInMonth, instantOf, localParts } from '@csms/statistics/time/local-time';
import { performance } from 'node:perf_hooks';
import { count, log, machineNow, ms, runBench, verdict } from './support/bench-format';
import { csmsNodeArgs, parseBenchOptions } from './support/bench-options';
import { withDatabase } from './support/bench-database';
import { createBenchAdmin } from './support/bench-tags.setup';
import { logDatabaseCommands } from './support/database-commands';
import { appendBenchRow, benchDate, BENCHMARKS_DOC } from './support/benchmarks.doc';
import { BENCH_TENANT, startCsmsUnderTest } from './support/csms-under-test';

/**
 * A year of statistics over N sessions: the sessions' facts and their rollups (folded by the
 * server's own code) written straight into the database, then `statistics` asked through GraphQL.
 * Baseline in the same run: the same answer from an aggregation over the raw sessions (a $group of
 * the year's sessions by site and local day, folded into months). Usage: npm run bench:statistics
 */

const TARGET_MS = 200;
const YEAR = 2025;
const ZONES = ['Europe/Paris', 'America/New_York'];

const options = parseBenchOptions(process.argv.slice(2), {
  sessions: { default: 1_000_000, min: 10_000, max: 5_000_000, integer: true },
  stations: { default: 1_000, min: 10, max: 100_000, integer: true },
  users: { default: 10_000, min: 10, max: 1_000_000, integer: true },
  /** Measured runs of each query; the median counts. */
  runs: { default: 5, min: 1, max: 50, integer: true },
  /** Runs of the raw aggregation (minutes each over a million sessions on FerretDB); the median counts. */
  'baseline-runs': { default: 1, min: 1, max: 20, integer: true },
});

const SITES = Math.max(1, Math.round(options.stations / 25));
const AREAS_PER_SITE = 4;
const COMPANIES = 5;

const STATISTICS = `query ($measure: StatisticsMeasure!, $groupBy: StatisticsGroupBy!, $period: StatisticsPeriod!,
  $from: DateTime!, $to: DateTime!) {
  statistics(measure: $measure, groupBy: $groupBy, period: $period, from: $from, to: $to) {
    key total points { period value }
  }
}`;

/** The headline question, and others reported beside it. */
const HEADLINE = { measure: 'SESSIONS', groupBy: 'SITE', period: 'MONTH' };
const OTHERS = [
  { measure: 'CONSUMPTION', groupBy: 'CHARGING_STATION', period: 'MONTH' },
  { measure: 'USAGE', groupBy: 'SITE', period: 'HOUR' },
  { measure: 'REVENUE', groupBy: 'COMPANY', period: 'DAY' },
  { measure: 'CONSUMPTION', groupBy: 'USER', period: 'YEAR' },
];

/** The year as Paris sees it, where most sites are. */
const RANGE = {
  from: instantOf('Europe/Paris', YEAR, 1, 1).toISOString(),
  to: instantOf('Europe/Paris', YEAR + 1, 1, 1).toISOString(),
};

interface Series {
  key: string;
  total: number;
  points: { period: string; value: number }[];
}

/** Deterministic pseudo-random numbers (mulberry32): every run charges the same sessions. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const siteOf = (station: number): number => station % SITES;
const zoneOf = (site: number): string => (site % 4 === 3 ? ZONES[1] : ZONES[0]);
const siteId = (site: number): string => `SITE-${site}`;

/** One local month of sessions of every station, spread over its days and the busy hours. */
function sessionsOfMonth(
  month: number,
  perMonth: number,
  next: () => number,
  counter: { n: number },
): SessionFact[] {
  const facts: SessionFact[] = [];
  const days = daysInMonth(YEAR, month);
  for (let i = 0; i < perMonth; i++) {
    // Drivers charge mostly near home or work (their site), sometimes anywhere.
    const user = Math.floor(next() * options.users);
    const home = user % SITES;
    const station =
      next() < 0.8
        ? home + SITES * Math.floor(next() * Math.ceil((options.stations - home) / SITES))
        : Math.floor(next() * options.stations);
    const site = siteOf(station);
    const timeZone = zoneOf(site);
    const day = 1 + Math.floor(next() * days);
    const hour = Math.min(23, Math.floor(6 + next() * 16));
    const startedAt = new Date(
      instantOf(timeZone, YEAR, month, day, hour).getTime() + Math.floor(next() * 3_600_000),
    );
    const usage = 1800 + Math.floor(next() * 4 * 3600);
    const energyWh = Math.round(usage * (3_000 + next() * 8_000)) / 3600;
    const local = localParts(startedAt, timeZone);
    const measures: Measures = [
      energyWh,
      usage,
      Math.floor(next() * usage * 0.3),
      1,
      Math.round(energyWh * 0.035) / 100,
    ];
    counter.n += 1;
    facts.push({
      transactionId: `S${counter.n}`,
      chargingStationId: `STAT-${station}`,
      connectorId: 1 + (i % 2),
      userId: `U${user}`,
      tagId: `T${user}`,
      siteAreaId: `AREA-${site}-${station % AREAS_PER_SITE}`,
      siteId: siteId(site),
      companyId: `COMPANY-${site % COMPANIES}`,
      timeZone,
      startedAt,
      stoppedAt: new Date(startedAt.getTime() + usage * 1000),
      localDay: dayKey(local.year, local.month, local.day),
      localHour: local.hour,
      weekday: local.weekday,
      measures,
    });
  }
  return facts;
}

/** Facts and rollups, month by month: the server's folds, written as its repositories store them. */
async function load(databaseUri: string): Promise<{ facts: number; rollups: number }> {
  const next = random(2025);
  const counter = { n: 0 };
  let rollups = 0;
  await withDatabase(databaseUri, async (db) => {
    const facts = db.collection('statistics_sessions');
    const stored = db.collection('statistics_rollups');
    await db
      .collection('statistics_zones')
      .insertOne({ _id: BENCH_TENANT, tenantId: BENCH_TENANT, zones: ZONES } as never);
    await db.collection('sites').insertMany(
      Array.from({ length: SITES }, (_, site) => ({
        _id: siteId(site),
        tenantId: BENCH_TENANT,
        companyId: `COMPANY-${site % COMPANIES}`,
        name: `Site ${site}`,
        openingHours: [],
        public: false,
        timeZone: zoneOf(site),
      })) as never[],
    );
    const months: Bucket[] = [];
    for (let month = 1; month <= 12; month++) {
      const perMonth = Math.floor(options.sessions / 12) + (month <= options.sessions % 12 ? 1 : 0);
      const monthFacts = sessionsOfMonth(month, perMonth, next, counter);
      for (let start = 0; start < monthFacts.length; start += 5000) {
        const batch = monthFacts.slice(start, start + 5000).map((fact) => factDocument(BENCH_TENANT, fact));
        await facts.insertMany(batch as never[], { ordered: false });
      }
      const buckets: Bucket[] = [];
      for (const family of ['station', 'driver'] as const) {
        const days = foldDays(BENCH_TENANT, family, monthFacts);
        const monthly = foldUp(BENCH_TENANT, days);
        buckets.push(...days, ...monthly);
        months.push(...monthly);
      }
      rollups += await writeRollups(stored, buckets);
      log(`  month ${month}: ${count(counter.n)} sessions, ${count(rollups)} rollups`);
    }
    rollups += await writeRollups(stored, foldUp(BENCH_TENANT, months));
  });
  return { facts: counter.n, rollups };
}

async function writeRollups(
  collection: { insertMany(docs: never[], options: { ordered: boolean }): Promise<unknown> },
  buckets: Bucket[],
): Promise<number> {
  for (let start = 0; start < buckets.length; start += 5000) {
    const batch = buckets.slice(start, start + 5000).map((bucket) => rollupDocument(BENCH_TENANT, bucket));
    await collection.insertMany(batch as never[], { ordered: false });
  }
  return buckets.length;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The headline answered from the raw sessions: sessions per site per local month. */
async function baseline(databaseUri: string): Promise<Map<string, number>> {
  return withDatabase(databaseUri, async (db) => {
    const rows = await db
      .collection('statistics_sessions')
      .aggregate<{ _id: { site: string; day: string }; sessions: number }>([
        {
          $match: {
            tenantId: BENCH_TENANT,
            startedAt: { $gte: new Date(RANGE.from), $lt: new Date(RANGE.to) },
          },
        },
        { $group: { _id: { site: '$siteId', day: '$localDay' }, sessions: { $sum: 1 } } },
      ])
      .toArray();
    const perSiteMonth = new Map<string, number>();
    for (const row of rows) {
      const key = `${row._id.site}|${row._id.day.slice(0, 7)}`;
      perSiteMonth.set(key, (perSiteMonth.get(key) ?? 0) + row.sessions);
    }
    return perSiteMonth;
  });
}

function sameAnswer(series: Series[], raw: Map<string, number>): boolean {
  const ours = new Map<string, number>();
  for (const s of series)
    for (const point of s.points) if (point.value) ours.set(`${s.key}|${point.period}`, point.value);
  return ours.size === raw.size && [...raw].every(([key, value]) => ours.get(key) === value);
}

async function main(): Promise<void> {
  const machine = machineNow();
  log(
    `statistics benchmark: ${count(options.sessions)} sessions in ${YEAR}, ${count(options.stations)} stations in ${SITES} sites, ${count(options.users)} users, ${options.runs} runs`,
  );
  log(`machine: ${machine}`);
  const csms = await startCsmsUnderTest({ nodeArgs: csmsNodeArgs(options) });
  try {
    const { client: admin } = await createBenchAdmin(csms.graphqlUrl);
    const loaded = await timed(() => load(csms.databaseUri));
    log(
      `${count(loaded.value.facts)} sessions and ${count(loaded.value.rollups)} rollups written in ${(loaded.ms / 1000).toFixed(1)} s`,
    );
    const ask = (variables: Record<string, string>) => (): Promise<Series[]> =>
      admin
        .request<{ statistics: Series[] }>(STATISTICS, { ...RANGE, ...variables })
        .then((data) => data.statistics);

    // One unmeasured run: caches, JIT, connection pools. The raw aggregation reads everything anyway.
    await ask(HEADLINE)();
    await logDatabaseCommands(csms.server, 'the warm-up', log);
    const ours: number[] = [];
    const raw: number[] = [];
    let correct = true;
    for (let run = 0; run < Math.max(options.runs, options['baseline-runs']); run++) {
      const rawRun =
        run < options['baseline-runs'] ? await timed(() => baseline(csms.databaseUri)) : undefined;
      const ourRun = await timed(ask(HEADLINE));
      if (rawRun) raw.push(rawRun.ms);
      ours.push(ourRun.ms);
      if (rawRun) correct &&= sameAnswer(ourRun.value, rawRun.value);
      log(
        `  run ${run + 1}: statistics ${ms(ourRun.ms)} ms${rawRun ? `, raw aggregation ${ms(rawRun.ms)} ms` : ''}`,
      );
    }
    await logDatabaseCommands(csms.server, 'the measured runs', log);
    const others: string[] = [];
    for (const variables of OTHERS) {
      await ask(variables)();
      const runs: number[] = [];
      let series = 0;
      for (let run = 0; run < options.runs; run++) {
        const result = await timed(ask(variables));
        runs.push(result.ms);
        series = result.value.length;
      }
      others.push(
        `${variables.measure.toLowerCase()} by ${variables.groupBy.toLowerCase()} per ${variables.period.toLowerCase()} ${ms(median(runs))} (${count(series)} series)`,
      );
      log(`  ${others.at(-1)}`);
    }
    const ourMs = median(ours);
    const rawMs = median(raw);
    const pass = correct && ourMs < TARGET_MS;
    log('');
    log(`baseline (aggregation over the raw sessions): ${ms(rawMs)} ms`);
    log(`CSMS (statistics from rollups): ${ms(ourMs)} ms, same answer: ${correct ? 'yes' : 'NO'}`);
    log(`ratio raw / statistics: ${(rawMs / ourMs).toFixed(1)}`);
    log(`  ${verdict(pass)}  a year of sessions per site per month under ${TARGET_MS} ms (${ms(ourMs)})`);

    if (!options.noRecord) {
      await appendBenchRow(
        {
          heading: '## Statistics over a year (`npm run bench:statistics`)',
          intro: `N completed sessions of one year (stations in sites of two time zones, users with a badge each)
written straight into the database as the statistics module stores them: one fact per session, and the
rollups the server's own folds compute from them (per station and per driver; day, month, year). Measured
through GraphQL as a tenant admin: \`statistics(SESSIONS, SITE, MONTH)\` over the year; baseline in the
same run: the same answer from a \`$group\` of the year's raw sessions by site and local day, folded into
months (checked equal). Median of the runs, in ms. Other queries over the same year beside it.
Target: under 200 ms.`,
          columns: [
            'Date (UTC)',
            'Machine',
            'Sessions, stations, users',
            'Rollups',
            'Raw aggregation ms',
            'Statistics ms',
            'Ratio raw / statistics',
            'Same answer',
            'Other queries ms',
            'Verdict',
          ],
        },
        [
          benchDate(),
          machine,
          `${count(loaded.value.facts)}, ${count(options.stations)}, ${count(options.users)}`,
          count(loaded.value.rollups),
          ms(rawMs),
          ms(ourMs),
          (rawMs / ourMs).toFixed(1),
          correct ? 'yes' : 'no',
          others.join('; '),
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
