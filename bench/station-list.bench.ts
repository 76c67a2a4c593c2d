import { performance } from 'node:perf_hooks';
import { count, lastLines, log, machineNow, ms, runBench, verdict } from './support/bench-format';
import { csmsNodeArgs, parseBenchOptions } from './support/bench-options';
import { documentId, withDatabase } from './support/bench-database';
import { createBenchAdmin } from './support/bench-tags.setup';
import { appendBenchRow, benchDate, BENCHMARKS_DOC } from './support/benchmarks.doc';
import { BENCH_TENANT, startCsmsUnderTest } from './support/csms-under-test';
import { GraphqlClient } from './support/graphql.client';
import { LatencyRecorder, LatencySummary } from './support/latency-recorder';

/**
 * GraphQL station list: N stations inserted straight into the database, paged through with
 * `chargingStations(first: 100, after)` to the end; baseline in the same run: one raw driver query per
 * page with the same filter, sort, limit and cursor condition. Usage: npm run bench:station-list
 */

const TARGET_RATIO = 0.5;
const WARM_UP_PAGES = 5;

const options = parseBenchOptions(process.argv.slice(2), {
  stations: { default: 10_000, min: 100, max: 100_000, integer: true },
  'page-size': { default: 100, min: 1, max: 1000, integer: true },
  /** Measured passes through the whole list per path, interleaved; the median pass counts. */
  passes: { default: 1, min: 1, max: 20, integer: true },
});

const PAGE_QUERY = `query ($first: Int!, $after: String) {
  chargingStations(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id online ocppVersion vendor model firmwareVersion status connectors { connectorId status } } }
  }
}`;

interface StationDocument {
  _id: string;
  tenantId: string;
  stationId: string;
}

interface Pass {
  seconds: number;
  rows: number;
  pages: LatencySummary;
}

const stationIdOf = (index: number): string => `LIST-${String(index + 1).padStart(6, '0')}`;

async function insertStations(databaseUri: string): Promise<void> {
  const now = new Date();
  await withDatabase(databaseUri, async (db) => {
    const stations = db.collection<StationDocument>('charging_stations');
    for (let start = 0; start < options.stations; start += 1000) {
      const batch = Array.from({ length: Math.min(1000, options.stations - start) }, (_, offset) => {
        const connector = (connectorId: number) => ({
          connectorId,
          status: 'Available',
          errorCode: 'NoError',
          statusUpdatedAt: now,
        });
        return {
          _id: documentId(),
          tenantId: BENCH_TENANT,
          stationId: stationIdOf(start + offset),
          online: false,
          lastSeen: now,
          ocppVersion: '1.6',
          ocppProtocol: 'json',
          vendor: 'VoltGrid',
          model: 'Bench AC22',
          serialNumber: `SN-${start + offset}`,
          firmwareVersion: '1.0.0',
          heartbeatIntervalSeconds: 300,
          lastBootAt: now,
          connectors: { '0': connector(0), '1': connector(1), '2': connector(2) },
          createdAt: now,
          updatedAt: now,
        };
      });
      await stations.insertMany(batch, { ordered: false });
    }
  });
}

async function graphqlPass(admin: GraphqlClient, maxPages = Infinity): Promise<Pass> {
  const pages = new LatencyRecorder();
  const started = performance.now();
  let after: string | null = null;
  let rows = 0;
  let previous = '';
  for (;;) {
    const pageStart = performance.now();
    const data: {
      chargingStations: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { id: string } }[];
      };
    } = await admin.request(PAGE_QUERY, { first: options['page-size'], after });
    pages.record(performance.now() - pageStart);
    notePage('GraphQL', pages.count);
    const page = data.chargingStations;
    for (const { node } of page.edges) {
      if (node.id <= previous) throw new Error(`GraphQL list out of order: ${node.id} after ${previous}`);
      previous = node.id;
    }
    rows += page.edges.length;
    if (!page.pageInfo.hasNextPage || pages.count >= maxPages) break;
    after = page.pageInfo.endCursor;
  }
  return { seconds: (performance.now() - started) / 1000, rows, pages: pages.summary() };
}

/** What the repository asks the database for one page: the tenant, beyond the cursor, by (stationId, _id). */
async function rawPass(databaseUri: string, maxPages = Infinity): Promise<Pass> {
  return withDatabase(databaseUri, async (db) => {
    const stations = db.collection<StationDocument>('charging_stations');
    const pages = new LatencyRecorder();
    const started = performance.now();
    let last: StationDocument | undefined;
    let rows = 0;
    for (;;) {
      const pageStart = performance.now();
      const scoped = { tenantId: BENCH_TENANT };
      const filter = last
        ? {
            $and: [
              scoped,
              {
                $or: [
                  { stationId: { $gt: last.stationId } },
                  { stationId: last.stationId, _id: { $gt: last._id } },
                ],
              },
            ],
          }
        : scoped;
      const docs = await stations
        .find(filter)
        .sort({ stationId: 1, _id: 1 })
        .limit(options['page-size'] + 1)
        .toArray();
      pages.record(performance.now() - pageStart);
      notePage('raw', pages.count);
      const page = docs.slice(0, options['page-size']);
      rows += page.length;
      if (docs.length <= options['page-size'] || pages.count >= maxPages) break;
      last = page[page.length - 1];
    }
    return { seconds: (performance.now() - started) / 1000, rows, pages: pages.summary() };
  });
}

/** A pass over a big list takes minutes on FerretDB: a line every 20 pages says it is alive. */
function notePage(path: string, pages: number): void {
  if (pages % 20 === 0) log(`  … ${path}: ${pages} pages`);
}

function median(passes: Pass[]): Pass {
  return [...passes].sort((a, b) => a.seconds - b.seconds)[Math.floor(passes.length / 2)];
}

function printPass(name: string, pass: Pass): void {
  log(
    `${name}: ${count(pass.rows)} stations in ${pass.seconds.toFixed(2)} s ` +
      `(${(pass.rows / options['page-size'] / pass.seconds).toFixed(1)} pages/s); page ms p50 ${ms(pass.pages.p50)} ` +
      `p95 ${ms(pass.pages.p95)} p99 ${ms(pass.pages.p99)} max ${ms(pass.pages.max)}`,
  );
}

async function main(): Promise<void> {
  const machine = machineNow();
  log(
    `station-list benchmark: ${options.stations} stations, pages of ${options['page-size']}, ${options.passes} passes`,
  );
  log(`machine: ${machine}`);
  const csms = await startCsmsUnderTest({ nodeArgs: csmsNodeArgs(options) });
  try {
    const { client: admin } = await createBenchAdmin(csms.graphqlUrl);
    const insertStart = performance.now();
    await insertStations(csms.databaseUri);
    log(
      `${options.stations} stations inserted in ${((performance.now() - insertStart) / 1000).toFixed(1)} s`,
    );

    // A few unmeasured pages each: caches, JIT, connection pools.
    await graphqlPass(admin, WARM_UP_PAGES);
    await rawPass(csms.databaseUri, WARM_UP_PAGES);
    const graphqlPasses: Pass[] = [];
    const rawPasses: Pass[] = [];
    for (let pass = 0; pass < options.passes; pass++) {
      rawPasses.push(await rawPass(csms.databaseUri));
      graphqlPasses.push(await graphqlPass(admin));
    }
    if (!csms.server.alive)
      throw new Error(`the CSMS died during the run:\n${lastLines(csms.server.output, 8)}`);
    const graphql = median(graphqlPasses);
    const raw = median(rawPasses);
    log('');
    printPass('baseline (raw driver query per page)', raw);
    printPass('CSMS (GraphQL chargingStations)', graphql);
    const ratio = raw.seconds / graphql.seconds;
    const pass = ratio >= TARGET_RATIO && graphql.rows === options.stations && raw.rows === options.stations;
    log(`\nratio GraphQL/raw throughput: ${ratio.toFixed(2)}`);
    log(`  ${verdict(pass)}  ratio ≥ ${TARGET_RATIO} listing every station (${ratio.toFixed(2)})`);

    if (!options.noRecord) {
      await appendBenchRow(
        {
          heading: '## GraphQL station list (`npm run bench:station-list`)',
          intro: `N stations inserted straight into the database, then listed to the end with
\`chargingStations(first: 100, after)\` (id, online, version, vendor, model, firmware, status, connectors), as
an authenticated tenant admin; baseline in the same run: one raw driver \`find\` per page with the same
filter, sort (stationId, _id), limit (101) and cursor condition. Five unmeasured pages each, then whole
passes interleaved; the median pass of each counts. Page latencies in ms: p50 / p95 / p99. Target: ratio
(GraphQL throughput / raw) ≥ 0.5.`,
          columns: [
            'Date (UTC)',
            'Machine',
            'Stations, page size × passes',
            'Raw s (page latency)',
            'GraphQL s (page latency)',
            'Ratio',
            'Verdict',
          ],
        },
        [
          benchDate(),
          machine,
          `${count(options.stations)}, ${options['page-size']} × ${options.passes}`,
          `${raw.seconds.toFixed(2)} (${ms(raw.pages.p50)} / ${ms(raw.pages.p95)} / ${ms(raw.pages.p99)})`,
          `${graphql.seconds.toFixed(2)} (${ms(graphql.pages.p50)} / ${ms(graphql.pages.p95)} / ${ms(graphql.pages.p99)})`,
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
