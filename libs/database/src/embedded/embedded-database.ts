import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { mongo } from 'mongoose';
import { canConnect, findFreePort } from './free-port';
import { OutputTail } from './output-tail';
import {
  DatabaseBinary,
  EmbeddedDatabaseKind,
  NO_DATABASE_BINARY_MESSAGE,
  resolveDatabaseBinary,
} from './resolve-binary';
import { checkpointsInBackground, serverLayout } from './server-args';
import { forgetRunningServer, recordRunningServer, stopLeftoverServer } from './running-server';

export interface EmbeddedDatabaseOptions {
  dataDir: string;
  port?: number;
  logger?: (msg: string) => void;
  /** What an operator should see (a server left running by a killed process); defaults to `logger`. */
  warn?: (msg: string) => void;
  /** Defaults to resolveDatabaseBinary(): MONGOD_BINARY, FERRETDB_BINARY, mongod on PATH, FerretDB. */
  binary?: DatabaseBinary;
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
}

const DEFAULT_START_TIMEOUT_MS = 60_000;
const DEFAULT_STOP_TIMEOUT_MS = 10_000;

/** How a server process ended: `unexpected` unless stop() ended it. */
export interface EmbeddedDatabaseExit {
  unexpected: boolean;
  /** e.g. `SIGKILL` or `code 1`. */
  how: string;
  /** Its last output lines. */
  output: string;
}

/** A mongod or FerretDB child process serving MongoDB on a loopback port, with its data in `dataDir`. */
export class EmbeddedDatabase {
  /** Settles when the process has ended, on purpose or not. */
  readonly exited: Promise<EmbeddedDatabaseExit>;
  private running = false;

  private constructor(
    readonly kind: EmbeddedDatabaseKind,
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly output: OutputTail,
    private readonly stopTimeoutMs: number,
    private readonly log: (msg: string) => void,
    private readonly dataDir: string,
  ) {
    // Signals are synchronous, so this still works from an 'exit' handler; SIGTERM lets the server flush.
    process.once('exit', this.killOnExit);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        process.removeListener('exit', this.killOnExit);
        const how = signal ?? `code ${code}`;
        const unexpected = this.running;
        this.running = false;
        if (unexpected) this.log(`Embedded ${kind} exited unexpectedly (${how}):\n${output.toString()}`);
        resolve({ unexpected, how, output: output.toString() });
      }),
    );
  }

  get uri(): string {
    return `mongodb://127.0.0.1:${this.port}/`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
    const log = options.logger ?? (() => undefined);
    const binary = options.binary ?? resolveDatabaseBinary();
    if (!binary) throw new Error(NO_DATABASE_BINARY_MESSAGE);

    // A server left running on this data by a process killed with SIGKILL (which could not stop it).
    await stopLeftoverServer(options.dataDir, binary.path, options.warn ?? log);
    const port = options.port ?? (await findFreePort());
    const layout = serverLayout(binary.kind, options.dataDir, port, {
      backgroundCheckpoints: checkpointsInBackground(binary),
    });
    for (const dir of layout.dirs) fs.mkdirSync(dir, { recursive: true });

    log(`Starting ${binary.kind} (${binary.path}) on 127.0.0.1:${port}`);
    const child = spawn(binary.path, layout.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = new OutputTail();
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));

    const spawned = new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    try {
      await spawned;
    } catch (error) {
      throw new Error(`Could not start ${binary.kind} at ${binary.path}: ${(error as Error).message}`);
    }

    const db = new EmbeddedDatabase(
      binary.kind,
      port,
      child,
      output,
      options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS,
      log,
      options.dataDir,
    );
    try {
      await db.waitUntilReady(options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS);
    } catch (error) {
      await db.stop();
      throw error;
    }
    db.running = true;
    recordRunningServer(options.dataDir, { pid: child.pid!, port, kind: binary.kind, binary: binary.path });
    log(`${binary.kind} ready on ${db.uri} (pid ${child.pid})`);
    return db;
  }

  async stop(): Promise<void> {
    this.running = false;
    forgetRunningServer(this.dataDir, this.child.pid);
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timedOut = Symbol('timeout');
    const abort = new AbortController();
    const result = await Promise.race([
      this.exited.then(() => undefined),
      sleep(this.stopTimeoutMs, timedOut, { signal: abort.signal }).catch(() => undefined),
    ]);
    abort.abort();
    if (result === timedOut) {
      this.log(`Embedded ${this.kind} did not stop within ${this.stopTimeoutMs} ms; killing it`);
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  private readonly killOnExit = (): void => {
    this.child.kill('SIGTERM');
  };

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError = 'no connection yet';
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        throw this.startError(
          `exited during start-up (${this.child.signalCode ?? `code ${this.child.exitCode}`})`,
        );
      }
      if (await canConnect(this.port)) {
        try {
          if (await this.ping(Math.max(500, Math.min(5000, deadline - Date.now())))) return;
        } catch (error) {
          lastError = (error as Error).message;
        }
      }
      await sleep(100);
    }
    throw this.startError(`was not ready within ${timeoutMs} ms (last error: ${lastError})`);
  }

  /** False when our child exited meanwhile: then whatever answers on the port is not our server. */
  private async ping(timeoutMs: number): Promise<boolean> {
    const client = new mongo.MongoClient(this.uri, {
      serverSelectionTimeoutMS: timeoutMs,
      connectTimeoutMS: timeoutMs,
      directConnection: true,
    });
    try {
      return await Promise.race([
        client
          .db('admin')
          .command({ ping: 1 })
          .then(() => true),
        this.exited.then(() => false),
      ]);
    } finally {
      await client.close(true);
    }
  }

  private startError(reason: string): Error {
    const tail = this.output.toString();
    return new Error(
      `Embedded ${this.kind} on port ${this.port} ${reason}.` + (tail ? `\nLast output:\n${tail}` : ''),
    );
  }
}
