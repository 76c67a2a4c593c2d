import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '../../libs/database/src/embedded';
import { TEST_SERVER_ENV } from './test-app';

const ROOT = path.resolve(__dirname, '../..');
const MAIN = 'apps/csms/src/main.ts';
/** Log lines kept per process by default: enough for a suite to find what the server said about a fault. */
const KEPT_LINES = 5000;
/** A ts-node server compiles the whole app at start: ~40 s on a busy 2-core machine, more when shared. */
export const START_TIMEOUT_MS = 180_000;

export interface ServerProcessOptions {
  env?: Record<string, string>;
  /** Reuse a port (a restart where the stations expect the server); default a free one. */
  port?: number;
  /** How long start() waits for /health to answer 200. */
  startTimeoutMs?: number;
  /** Log lines kept (the newest); default 5000. */
  keptLines?: number;
  /** Variables of the test's own environment the server must not see (e.g. MONGODB_URI: embedded database). */
  unset?: string[];
}

/**
 * The real server in its own process (`apps/csms/src/main.ts`), as an operator runs it: it can be
 * killed with SIGKILL, restarted on the same port and data, and what it logs is kept for the test.
 */
export class ServerProcess {
  private readonly lines: string[] = [];
  private partial = '';
  readonly exited: Promise<void>;

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
    readonly env: Record<string, string>,
    private readonly unset: string[],
    private readonly keptLines: number,
  ) {
    const keep = (chunk: Buffer): void => {
      const parts = (this.partial + chunk.toString('utf8')).split('\n');
      this.partial = parts.pop() ?? '';
      for (const line of parts) if (line.trim()) this.lines.push(line);
      if (this.lines.length > this.keptLines) this.lines.splice(0, this.lines.length - this.keptLines);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    // SERVER_LOG_DIR=dir: everything each server process prints goes to a file there too, for a
    // post-mortem (SERVER_LOG_LEVEL=info for more than warnings).
    const logDir = process.env.SERVER_LOG_DIR;
    if (logDir) {
      fs.mkdirSync(logDir, { recursive: true });
      const file = fs.createWriteStream(`${logDir}/server-${port}-${child.pid}.log`);
      child.stdout?.pipe(file);
      child.stderr?.pipe(file);
    }
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    process.once('exit', this.killOnExit);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** What the process printed (pino JSON lines and anything else), oldest first. */
  get output(): string[] {
    return [...this.lines];
  }

  /** The structured log entries whose message matches. */
  logsMatching(pattern: RegExp): { level: number; msg: string; [key: string]: unknown }[] {
    const entries = [];
    for (const line of this.lines) {
      if (!pattern.test(line)) continue;
      try {
        const entry = JSON.parse(line) as { level: number; msg: string };
        if (pattern.test(entry.msg)) entries.push(entry);
      } catch {
        // Not a log entry (e.g. a stack printed by Node itself).
      }
    }
    return entries;
  }

  static async start(options: ServerProcessOptions = {}): Promise<ServerProcess> {
    const port = options.port ?? (await findFreePort());
    const env = {
      ...TEST_SERVER_ENV,
      PORT: String(port),
      LOG_LEVEL: process.env.SERVER_LOG_LEVEL ?? 'warn',
      ...options.env,
    };
    const inherited = { ...process.env };
    for (const name of options.unset ?? []) delete inherited[name];
    const child = spawn(process.execPath, ['-r', './test/support/fast-ts-register.js', MAIN], {
      cwd: ROOT,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new ServerProcess(child, port, env, options.unset ?? [], options.keptLines ?? KEPT_LINES);
    await server.untilHealthy(options.startTimeoutMs ?? START_TIMEOUT_MS);
    return server;
  }

  /** The same server again (same port, same environment): what an operator's supervisor does. */
  restart(options: { startTimeoutMs?: number } = {}): Promise<ServerProcess> {
    return ServerProcess.start({
      env: this.env,
      port: this.port,
      unset: this.unset,
      keptLines: this.keptLines,
      ...options,
    });
  }

  /** Resolves once GET /health answers 200; fails if the process exits first. */
  async untilHealthy(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.alive) throw new Error(`Server exited during start-up:\n${this.tail()}`);
      if ((await this.healthStatus()) === 200) return;
      if (Date.now() > deadline) throw new Error(`No healthy server within ${timeoutMs} ms:\n${this.tail()}`);
      await sleep(100);
    }
  }

  /** The status /health answers now (0: no answer at all). */
  healthStatus(): Promise<number> {
    return fetch(`${this.httpUrl}/health`, { signal: AbortSignal.timeout(5000) }).then(
      (response) => response.status,
      () => 0,
    );
  }

  /** Sends `signal` (SIGKILL: a crash) and resolves once the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    process.removeListener('exit', this.killOnExit);
    if (!this.alive) return;
    this.child.kill(signal);
    await this.exited;
  }

  /** A clean stop (SIGTERM), SIGKILL after 15 s. */
  async stop(): Promise<void> {
    if (!this.alive) return;
    this.child.kill('SIGTERM');
    const stopped = await Promise.race([this.exited.then(() => true), sleep(15_000, false)]);
    if (!stopped) await this.kill('SIGKILL');
    process.removeListener('exit', this.killOnExit);
  }

  tail(lines = 40): string {
    return this.lines.slice(-lines).join('\n');
  }

  private readonly killOnExit = (): void => {
    this.child.kill('SIGKILL');
  };
}
