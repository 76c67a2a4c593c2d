import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { findFreePort } from '../../libs/database/src/embedded';
import { ADMIN } from './test-app';

const ROOT = path.resolve(__dirname, '../..');
/** A ts-node server compiles the whole app at start: ~40 s on a busy 2-core machine, more when shared. */
export const START_TIMEOUT_MS = 180_000;

/**
 * One real server process of the app (module-level state is not shared, as between real
 * instances), healthy when `start` resolves. Everything it writes (its logs) is kept in `output`.
 */
export class ServerProcess {
  private written = '';

  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    const keep = (chunk: Buffer) => (this.written += chunk.toString());
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** All the process wrote to stdout and stderr so far (its JSON logs). */
  get output(): string {
    return this.written;
  }

  static async start(env: Record<string, string>): Promise<ServerProcess> {
    const port = await findFreePort();
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/csms/src/main.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          HOST: '127.0.0.1',
          PORT: String(port),
          LOG_LEVEL: 'warn',
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          AUTH_RATE_LIMIT_PER_MINUTE: '10000',
          AUTH_IP_RATE_LIMIT_PER_MINUTE: '10000',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const server = new ServerProcess(child, port);
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`Server exited with ${child.exitCode}: ${server.output.slice(-4000)}`);
      }
      const status = await fetch(`${server.httpUrl}/health`).then(
        (response) => response.status,
        () => 0,
      );
      if (status === 200) return server;
      if (Date.now() > deadline)
        throw new Error(
          `No healthy server within ${START_TIMEOUT_MS / 1000} s: ${server.output.slice(-4000)}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill(signal);
    await exited;
  }
}
