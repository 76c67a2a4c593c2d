import { ChildProcess, spawn } from 'node:child_process';
import { canConnect, findFreePort } from '../../libs/database/src/embedded';
import { redisServerBinary } from './test-tools';

/** A throwaway Redis on a free loopback port, without persistence, stopped with the suite. */
export class RedisServer {
  private constructor(
    private readonly process: ChildProcess,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts one; on `port` to stand in for one that was stopped (empty: no persistence). */
  static async start(port?: number): Promise<RedisServer> {
    const binary = redisServerBinary();
    port ??= await findFreePort();
    const child = spawn(
      binary,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const server = new RedisServer(child, port);
    const deadline = Date.now() + 10_000;
    while (!(await canConnect(port))) {
      if (child.exitCode !== null) throw new Error(`${binary} exited with code ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error(`${binary} did not start within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return server;
  }

  async stop(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGTERM');
    await exited;
  }
}
