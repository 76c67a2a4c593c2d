import * as net from 'node:net';
import { findFreePort } from '../../../libs/database/src/embedded';

/**
 * A TCP proxy in front of a server (the database, here) that can take it away and give it back:
 * `cut()` resets every connection through it and refuses new ones, as a stopped server does;
 * `restore()` accepts connections again on the same port.
 */
export class TcpFaultProxy {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(target: { host: string; port: number }): Promise<TcpFaultProxy> {
    const proxy = new TcpFaultProxy(await findFreePort(), target);
    await proxy.restore();
    return proxy;
  }

  get up(): boolean {
    return this.server !== undefined;
  }

  /** Listens (again) and forwards every connection to the target. */
  async restore(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => this.forward(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.server = server;
  }

  /** Resets every connection and stops listening: connecting is refused until restore(). */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.resetAndDestroy();
    this.sockets.clear();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async close(): Promise<void> {
    await this.cut();
  }

  private forward(client: net.Socket): void {
    const upstream = net.connect(this.target.port, this.target.host);
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      this.sockets.add(from);
      from.on('error', () => to.destroy());
      from.on('close', () => {
        this.sockets.delete(from);
        to.destroy();
      });
      from.pipe(to);
    }
  }
}

/**
 * The database URI the server gets when the proxy stands in front of `uri`'s server. Only a single
 * host can be proxied (a replica set's members would announce their own addresses): give the
 * primary's address in MONGODB_URI to run this against a cluster.
 */
export function proxiedUri(uri: string, proxy: TcpFaultProxy): string {
  const url = new URL(uri);
  url.host = `127.0.0.1:${proxy.port}`;
  url.searchParams.set('directConnection', 'true');
  return url.toString();
}

export function singleHostOf(uri: string): { host: string; port: number } {
  if (!uri.startsWith('mongodb://') || uri.slice('mongodb://'.length).split('/')[0].includes(',')) {
    throw new Error(
      `The database outage test proxies one server: MONGODB_URI must name a single host (the primary), not ${uri.replace(/\/\/[^@]*@/, '//***@')}`,
    );
  }
  const url = new URL(uri);
  return { host: url.hostname, port: Number(url.port || 27017) };
}
