import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface ChildServerOptions {
  name: string;
  /** A TypeScript entry point, relative to the repository root, run through ts-node (transpile only). */
  entry: string;
  env?: Record<string, string>;
  /** Extra options for node itself, e.g. `--prof`. */
  nodeArgs?: string[];
  /** Printed by the child once it listens; the first capture group is the port. */
  readyPattern: RegExp;
  startTimeoutMs: number;
  /** Opens an IPC channel, for children that answer `ask()` (see `bench-probe.ts`). */
  ipc?: boolean;
  /** Runs the entry's JavaScript from `compileBench()` with plain node, as production runs, not ts-node. */
  compiled?: boolean;
}

/** Where `compileBench()` writes the benchmarks, the app and the libs as JavaScript. */
export const COMPILED_DIR = path.join(REPO_ROOT, 'dist', 'bench');

/** Compiles the benchmarks with the app and libs (types are checked by `npm run typecheck`, not here). */
export function compileBench(): void {
  const tsc = require.resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', 'bench/tsconfig.compiled.json'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`tsc failed:\n${result.stdout}${result.stderr}`);
}

function entryArgs(options: ChildServerOptions): string[] {
  if (options.compiled) {
    const entry = path.join(COMPILED_DIR, options.entry.replace(/\.ts$/, '.js'));
    return ['-r', 'tsconfig-paths/register', entry];
  }
  return [
    '-r',
    './bench/support/without-ts-node-repl.js',
    '-r',
    'ts-node/register/transpile-only',
    '-r',
    'tsconfig-paths/register',
    options.entry,
  ];
}

interface IpcReply {
  replyTo: number;
  result?: unknown;
  error?: string;
}

const TAIL_LINES = 40;
const STOP_TIMEOUT_MS = 10_000;

/** A server in its own process, so it never shares an event loop with the load generator. */
export class ChildServer {
  private readonly tail: string[] = [];
  private readonly exited: Promise<void>;
  private readonly pending = new Map<number, (reply: IpcReply) => void>();
  private nextRequest = 0;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const keep = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        this.tail.push(line);
        if (this.tail.length > TAIL_LINES) this.tail.shift();
      }
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.on('message', (message: IpcReply) => {
      this.pending.get(message.replyTo)?.(message);
      this.pending.delete(message.replyTo);
    });
    child.once('exit', () => {
      for (const settle of this.pending.values()) settle({ replyTo: -1, error: `${name} exited` });
      this.pending.clear();
    });
    process.once('exit', this.killOnExit);
  }

  /** Sends a command over IPC and resolves with the child's answer. */
  ask<T>(command: Record<string, unknown>, timeoutMs = 30_000): Promise<T> {
    const id = ++this.nextRequest;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name} did not answer ${String(command.type)} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, (reply) => {
        clearTimeout(timer);
        if (reply.error !== undefined) reject(new Error(reply.error));
        else resolve(reply.result as T);
      });
      if (!this.child.send?.({ ...command, id })) {
        clearTimeout(timer);
        this.pending.delete(id);
        reject(new Error(`${this.name} has no IPC channel`));
      }
    });
  }

  /** Sends a command over IPC without waiting for an answer. */
  tell(command: Record<string, unknown>): void {
    this.child.send?.(command);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get output(): string {
    return this.tail.join('\n');
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts the child and resolves with the port it printed. */
  static async start(options: ChildServerOptions): Promise<{ server: ChildServer; port: number }> {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entryArgs(options)], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        TS_NODE_TRANSPILE_ONLY: 'true',
        // tsconfig-paths maps @csms/* into the compiled tree instead of the sources.
        ...(options.compiled ? { TS_NODE_BASEURL: COMPILED_DIR } : {}),
        ...options.env,
      },
      stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    });
    const server = new ChildServer(options.name, child);
    try {
      const port = await server.waitForReady(options.readyPattern, options.startTimeoutMs);
      return { server, port };
    } catch (error) {
      await server.stop();
      throw error;
    }
  }

  /** Resolves true once the child has exited, false if it still runs after `timeoutMs`. */
  async waitForExit(timeoutMs: number): Promise<boolean> {
    const abort = new AbortController();
    const exited = await Promise.race([
      this.exited.then(() => true),
      sleep(timeoutMs, false, { signal: abort.signal }).catch(() => false),
    ]);
    abort.abort();
    return exited;
  }

  async stop(): Promise<void> {
    process.removeListener('exit', this.killOnExit);
    if (!this.alive) return;
    this.child.kill('SIGTERM');
    const timedOut = Symbol('timeout');
    const abort = new AbortController();
    const result = await Promise.race([
      this.exited,
      sleep(STOP_TIMEOUT_MS, timedOut, { signal: abort.signal }).catch(() => undefined),
    ]);
    abort.abort();
    if (result === timedOut) {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }

  private readonly killOnExit = (): void => {
    this.child.kill('SIGKILL');
  };

  private waitForReady(pattern: RegExp, timeoutMs: number): Promise<number> {
    return new Promise((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(
        () => fail(new Error(`${this.name} did not start within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const onData = (chunk: Buffer): void => {
        seen = (seen + chunk.toString('utf8')).slice(-4096);
        const match = pattern.exec(seen);
        if (!match) return;
        cleanup();
        resolve(Number(match[1]));
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
        fail(new Error(`${this.name} exited during start-up (${signal ?? `code ${code}`})`));
      const cleanup = (): void => {
        clearTimeout(timer);
        this.child.stdout?.removeListener('data', onData);
        this.child.removeListener('exit', onExit);
      };
      const fail = (error: Error): void => {
        cleanup();
        reject(new Error(`${error.message}\nLast output:\n${this.output}`));
      };
      this.child.stdout?.on('data', onData);
      this.child.once('exit', onExit);
    });
  }
}
