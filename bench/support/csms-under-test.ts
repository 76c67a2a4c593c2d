import { EmbeddedDatabase } from '@csms/database/embedded';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { productionNodeFlags } from '../../scripts/production-node-flags';
import { ChildServer } from './child-server';

export const BENCH_TENANT = 'default';
const SERVER_START_TIMEOUT_MS = 120_000;

export interface CsmsUnderTest {
  server: ChildServer;
  database: EmbeddedDatabase;
  /** mongodb://…/csms_bench, for checks straight in the database. */
  databaseUri: string;
  /** 127.0.0.1:PORT */
  origin: string;
  graphqlUrl: string;
  /** ws://127.0.0.1:PORT/ocpp/default/ — the station id is appended. */
  stationUrlPrefix: string;
  stop(): Promise<void>;
}

/**
 * The real CSMS in its own process (`csms-bench-server.ts`: startServer plus the benchmark probe over
 * IPC), on a fresh embedded database (FerretDB, or mongod if found) in a temporary directory.
 */
export interface BenchDatabase {
  database: EmbeddedDatabase;
  /** mongodb://…/csms_bench */
  databaseUri: string;
  /** Where a server may keep its own files. */
  dataDir: string;
  stop(): Promise<void>;
}

/** The project's embedded database (its binary, its settings) in a fresh temporary directory. */
export async function startBenchDatabase(): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'csms-bench-'));
  const database = await EmbeddedDatabase.start({ dataDir: path.join(dataDir, 'db') });
  return {
    database,
    databaseUri: `${database.uri}csms_bench`,
    dataDir,
    stop: async () => {
      await database.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startCsmsUnderTest(
  options: { env?: Record<string, string>; nodeArgs?: string[]; compiled?: boolean } = {},
): Promise<CsmsUnderTest> {
  const { database, databaseUri, dataDir, stop: cleanUp } = await startBenchDatabase();
  // Command monitoring lets the server's probe say where the database time goes.
  const serverDatabaseUri = `${databaseUri}${databaseUri.includes('?') ? '&' : '?'}monitorCommands=true`;
  try {
    const { server, port } = await ChildServer.start({
      name: 'CSMS',
      entry: 'bench/support/csms-bench-server.ts',
      env: {
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'warn',
        MONGODB_URI: serverDatabaseUri,
        DATA_DIR: path.join(dataDir, 'csms'),
        ...options.env,
      },
      // The server as `npm run start:prod` runs it, plus the benchmark's own flags (a CPU profile).
      nodeArgs: [...productionNodeFlags(), ...(options.nodeArgs ?? [])],
      readyPattern: /CSMS listening on https?:\/\/[^\s]+:(\d+)/,
      startTimeoutMs: SERVER_START_TIMEOUT_MS,
      ipc: true,
      compiled: options.compiled,
    });
    const origin = `127.0.0.1:${port}`;
    return {
      server,
      database,
      databaseUri,
      origin,
      graphqlUrl: `http://${origin}/graphql`,
      stationUrlPrefix: `ws://${origin}/ocpp/${BENCH_TENANT}/`,
      stop: async () => {
        // Asked to exit rather than signalled, so that `--cpu-prof` gets to write its profile.
        await server.ask({ type: 'exit' }, 15_000).catch(() => undefined);
        await server.waitForExit(15_000);
        await server.stop();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
