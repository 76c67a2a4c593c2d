import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import { performance } from 'node:perf_hooks';
import { count, lastLines, log, machineNow, runBench, verdict } from './support/bench-format';
import { csmsNodeArgs, parseBenchOptions } from './support/bench-options';
import { createBenchAdmin, FIRST_ADMIN } from './support/bench-tags.setup';
import { appendBenchRow, benchDate, BENCHMARKS_DOC } from './support/benchmarks.doc';
import { ChildServer } from './support/child-server';
import { startCsmsUnderTest } from './support/csms-under-test';
import { GraphqlClient } from './support/graphql.client';
import { CpuWindow } from './support/process-cpu';

/**
 * Unauthenticated OCPP-J upgrade attempts, refused cheaply: N attempts of five kinds (unknown tenant,
 * unknown station of a tenant that admits registered ones only, no credentials, the same wrong password
 * again and again as a misconfigured station sends it, a new wrong password each time as a guesser
 * does), `--concurrency` at once, against the CSMS; baseline in the same run: a bare HTTP server that
 * answers every upgrade 401 at once. Prints the CPU each spent per attempt and their ratio.
 * Usage: npm run bench:unauthenticated-upgrades
 */

const TARGET_RATIO = 10;

const options = parseBenchOptions(process.argv.slice(2), {
  attempts: { default: 10_000, min: 100, max: 1_000_000, integer: true },
  concurrency: { default: 50, min: 1, max: 1000, integer: true },
});

const STATION = 'BENCH-LOCKED';
const PASSWORD = 'the-Right-Password-42';
const CLOSED_TENANT = 'closed';

interface Kind {
  name: string;
  path: (n: number) => string;
  authorization?: (n: number) => string;
  expected: number;
}

const basic = (password: string) => `Basic ${Buffer.from(`${STATION}:${password}`).toString('base64')}`;

const KINDS: Kind[] = [
  { name: 'unknown tenant', path: (n) => `/ocpp/nowhere/CS-${n}`, expected: 404 },
  {
    name: 'unknown station, registered-only tenant',
    path: (n) => `/ocpp/${CLOSED_TENANT}/CS-${n}`,
    expected: 404,
  },
  { name: 'no credentials', path: () => `/ocpp/default/${STATION}`, expected: 401 },
  {
    name: 'the same wrong password',
    path: () => `/ocpp/default/${STATION}`,
    authorization: () => basic('an-old-password'),
    expected: 401,
  },
  {
    name: 'a new wrong password each time',
    path: () => `/ocpp/default/${STATION}`,
    authorization: () => basic(randomBytes(9).toString('base64')),
    expected: 401,
  },
];

/** One upgrade attempt; resolves with the HTTP status it got (101 if let in: then closed at once). */
function attempt(origin: string, path: string, authorization?: string): Promise<number> {
  return new Promise((resolve) => {
    const request = http.request(`http://${origin}${path}`, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
        'Sec-WebSocket-Protocol': 'ocpp1.6',
        ...(authorization ? { Authorization: authorization } : {}),
      },
      agent: false,
    });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('upgrade', (_response, socket) => {
      socket.destroy();
      resolve(101);
    });
    request.on('error', () => resolve(0));
    request.end();
  });
}

interface KindResult {
  kind: Kind;
  statuses: Map<number, number>;
  cpuMs: number;
  seconds: number;
}

/** `attempts` of one kind, `concurrency` at once, with the target's CPU measured over them. */
async function runKind(
  origin: string,
  kind: Kind,
  attempts: number,
  cpu: CpuWindow,
  name: string,
): Promise<KindResult> {
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  cpu.start();
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency, attempts) }, async () => {
      while (next < attempts) {
        const n = next++;
        const status = await attempt(origin, kind.path(n), kind.authorization?.(n));
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  cpu.stop();
  return {
    kind,
    statuses,
    cpuMs: cpu.usedMs.get(name) ?? NaN,
    seconds: (performance.now() - started) / 1000,
  };
}

async function runAll(origin: string, pid: number | undefined, databasePid?: number): Promise<KindResult[]> {
  const perKind = Math.floor(options.attempts / KINDS.length);
  const results: KindResult[] = [];
  for (const kind of KINDS) {
    const cpu = new CpuWindow({ server: pid, database: databasePid });
    results.push(await runKind(origin, kind, perKind, cpu, 'server'));
  }
  return results;
}

const usPerAttempt = (result: { cpuMs: number }, attempts: number) => (result.cpuMs * 1000) / attempts;

function describe(results: KindResult[]): string[] {
  const perKind = Math.floor(options.attempts / KINDS.length);
  return results.map((result) => {
    const statuses = [...result.statuses].map(([status, n]) => `${status}×${n}`).join(' ');
    return `  ${result.kind.name.padEnd(42)} ${usPerAttempt(result, perKind).toFixed(0).padStart(6)} µs CPU/attempt  ${statuses}`;
  });
}

async function main(): Promise<void> {
  const machine = machineNow();
  const perKind = Math.floor(options.attempts / KINDS.length);
  const attempts = perKind * KINDS.length;
  log(`unauthenticated-upgrades benchmark: ${attempts} attempts, ${options.concurrency} at once`);
  log(`machine: ${machine}`);

  const { server: refusing, port } = await ChildServer.start({
    name: 'baseline',
    entry: 'bench/support/refusing-server.ts',
    readyPattern: /listening (\d+)/,
    startTimeoutMs: 60_000,
  });
  let baseline: KindResult[];
  try {
    baseline = await runAll(`127.0.0.1:${port}`, refusing.pid);
  } finally {
    await refusing.stop();
  }

  const csms = await startCsmsUnderTest({ nodeArgs: csmsNodeArgs(options) });
  try {
    const { client: admin } = await createBenchAdmin(csms.graphqlUrl);
    await admin.request(
      'mutation($input: CreateChargingStationInput!) { createChargingStation(input: $input) { id } }',
      { input: { id: STATION, password: PASSWORD } },
    );
    const anonymous = new GraphqlClient(csms.graphqlUrl);
    const { login } = await anonymous.request<{ login: { token: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
      FIRST_ADMIN,
    );
    await anonymous
      .withToken(login.token)
      .request('mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }', {
        input: {
          id: CLOSED_TENANT,
          name: 'Closed',
          adminEmail: 'closed@example.com',
          adminPassword: 'Closed-Admin-123',
        },
      });
    // The station itself connects once, so that its password is known right (as in production).
    const origin = csms.origin;
    if ((await attempt(origin, `/ocpp/default/${STATION}`, basic(PASSWORD))) !== 101) {
      throw new Error('the station with the right password was not let in');
    }
    const results = await runAll(origin, csms.server.pid, csms.database.pid);
    const rightAfter = await attempt(origin, `/ocpp/default/${STATION}`, basic(PASSWORD));
    if (!csms.server.alive)
      throw new Error(`the CSMS died during the run:\n${lastLines(csms.server.output, 8)}`);

    const sum = (list: KindResult[]) => list.reduce((total, result) => total + result.cpuMs, 0);
    const baselineUs = (sum(baseline) * 1000) / attempts;
    const csmsUs = (sum(results) * 1000) / attempts;
    const ratio = csmsUs / baselineUs;
    const allRefused = results.every((result) => result.statuses.get(result.kind.expected) === perKind);
    log('\nbaseline (bare server answering 401):');
    describe(baseline).forEach(log);
    log('CSMS:');
    describe(results).forEach(log);
    log(
      `\nCPU per refused attempt: baseline ${baselineUs.toFixed(0)} µs, CSMS ${csmsUs.toFixed(0)} µs, ratio ${ratio.toFixed(1)}`,
    );
    log(
      `the station's own password afterwards: ${rightAfter === 101 ? 'let in' : `refused (${rightAfter})`}`,
    );
    const pass = allRefused && ratio <= TARGET_RATIO && rightAfter === 101;
    log(
      `  ${verdict(pass)}  every attempt refused with its status, CSMS CPU ≤ ${TARGET_RATIO}× the bare server's, the station still let in`,
    );

    if (!options.noRecord) {
      await appendBenchRow(
        {
          heading: '## Unauthenticated upgrades (`npm run bench:unauthenticated-upgrades`)',
          intro: `N OCPP-J upgrade attempts that must be refused, a fifth of each kind: unknown tenant (404), unknown
station of a tenant admitting registered stations only (404), no credentials for a station with a password,
the same wrong password each time (a misconfigured station), a new wrong password each time (a guesser; all
401), 50 at a time, one new TCP connection each. Baseline in the same run: a bare HTTP server answering
every upgrade 401 at once. CPU of the server process per attempt (µs), and its ratio to the baseline's; the
database's CPU is not counted. Target: every attempt refused, ratio ≤ ${TARGET_RATIO}, the station's own
password still let in.`,
          columns: [
            'Date (UTC)',
            'Machine',
            'Attempts',
            'Baseline µs/attempt',
            'CSMS µs/attempt (by kind)',
            'Ratio',
            'Verdict',
          ],
        },
        [
          benchDate(),
          machine,
          count(attempts),
          baselineUs.toFixed(0),
          `${csmsUs.toFixed(0)} (${results.map((result) => usPerAttempt(result, perKind).toFixed(0)).join(' / ')})`,
          ratio.toFixed(1),
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
