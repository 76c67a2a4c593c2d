import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { canConnect, findFreePort } from '../../libs/database/src/embedded';

const BINARY = 'redis-server';

function isInstalled(): boolean {
  return spawnSync('sh', ['-c', `command -v ${BINARY}`], { stdio: 'ignore' }).status === 0;
}

/** Debian's package, as .ci/run installs it; only possible as root, otherwise the error says what to do. */
function install(): void {
  const asRoot = process.getuid?.() === 0;
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (...args: string[]) => spawnSync('apt-get', args, { stdio: 'ignore', env }).status === 0;
  if (
    asRoot &&
    (apt('install', '-y', '-qq', BINARY) || (apt('update', '-qq') && apt('install', '-y', '-qq', BINARY)))
  ) {
    return;
  }
  throw new Error(`${BINARY} is missing and could not be installed: run \`apt-get install -y redis-server\``);
}

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
    if (!isInstalled()) install();
    port ??= await findFreePort();
    const child = spawn(
      BINARY,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const server = new RedisServer(child, port);
    const deadline = Date.now() + 10_000;
    while (!(await canConnect(port))) {
      if (child.exitCode !== null) throw new Error(`${BINARY} exited with code ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error(`${BINARY} did not start within 10 s`);
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
