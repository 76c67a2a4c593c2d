import { RPCClient } from 'ocpp-rpc';
import WebSocket from 'ws';

export interface StationOptions {
  tenant?: string;
  password?: string;
  protocols?: string[];
  /** Validate our own frames too (default); off to send the server what a faulty station would. */
  strict?: boolean;
}

/** An OCPP-J station built on ocpp-rpc's client, strict like the server: our test peer. */
export async function connectStation(
  wsUrl: string,
  identity: string,
  options: StationOptions = {},
): Promise<RPCClient> {
  const client = new RPCClient({
    endpoint: `${wsUrl}/ocpp/${options.tenant ?? 'default'}`,
    identity,
    password: options.password ?? null,
    protocols: options.protocols ?? ['ocpp1.6'],
    strictMode: options.strict ?? true,
    reconnect: false,
  } as never);
  await client.connect();
  return client;
}

/** The HTTP status an upgrade to `path` gets (101 when it is accepted). */
export function upgradeStatus(
  wsUrl: string,
  path: string,
  options: { protocols?: string[]; authorization?: string } = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${wsUrl}${path}`, options.protocols ?? ['ocpp1.6'], {
      headers: options.authorization ? { authorization: options.authorization } : {},
    });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', (error) => reject(error));
  });
}

export function basicAuth(identity: string, password: string): string {
  return `Basic ${Buffer.from(`${identity}:${password}`).toString('base64')}`;
}

/** A bare OCPP-J socket for frames a well-behaved client would never send. */
export class RawOcppSocket {
  private readonly frames: unknown[][] = [];
  private readonly waiters: ((frame: unknown[]) => void)[] = [];
  closed = false;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as unknown[];
      const waiter = this.waiters.shift();
      if (waiter) waiter(frame);
      else this.frames.push(frame);
    });
    socket.on('close', () => (this.closed = true));
  }

  static open(
    wsUrl: string,
    identity: string,
    tenant = 'default',
    protocol = 'ocpp1.6',
  ): Promise<RawOcppSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${wsUrl}/ocpp/${tenant}/${identity}`, [protocol]);
      socket.once('open', () => resolve(new RawOcppSocket(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends `text` as it is and resolves with the next frame the server sends. */
  exchange(text: string, timeoutMs = 5000): Promise<unknown[]> {
    const answer = this.next(timeoutMs);
    this.socket.send(text);
    return answer;
  }

  next(timeoutMs = 5000): Promise<unknown[]> {
    const buffered = this.frames.shift();
    if (buffered) return Promise.resolve(buffered);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No frame within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push((frame) => {
        clearTimeout(timer);
        resolve(frame);
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}
