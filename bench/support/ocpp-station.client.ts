import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

export type CallOutcome =
  | { ok: true; payload: Record<string, unknown>; latencyMs: number }
  | { ok: false; error: string; latencyMs: number };

interface PendingCall {
  startedAt: number;
  timer: NodeJS.Timeout;
  settle: (outcome: CallOutcome) => void;
}

const CALL = 2;
const CALLRESULT = 3;
const CALLERROR = 4;

/**
 * A deliberately cheap OCPP-J 1.6 station over plain `ws`: no schema validation, so the load generator
 * costs as little CPU as possible and measures the server, not itself.
 */
export class OcppStationClient {
  private readonly pending = new Map<string, PendingCall>();
  private nextId = 0;
  private closedReason: string | undefined;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.onFrame(data));
    socket.on('close', (code) => this.failAll(`connection closed (${code})`));
    socket.on('error', (error) => this.failAll(`socket error: ${error.message}`));
  }

  static connect(url: string, timeoutMs: number): Promise<OcppStationClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, 'ocpp1.6', { perMessageDeflate: false, handshakeTimeout: timeoutMs });
      const onError = (error: Error): void => reject(new Error(`connect ${url}: ${error.message}`));
      socket.once('error', onError);
      socket.once('unexpected-response', (_request, response) => {
        socket.removeListener('error', onError);
        reject(new Error(`connect ${url}: HTTP ${response.statusCode}`));
        socket.terminate();
      });
      socket.once('open', () => {
        socket.removeListener('error', onError);
        if (socket.protocol !== 'ocpp1.6') {
          socket.terminate();
          reject(new Error(`connect ${url}: server chose subprotocol "${socket.protocol}"`));
          return;
        }
        resolve(new OcppStationClient(socket));
      });
    });
  }

  call(action: string, payload: object, timeoutMs: number): Promise<CallOutcome> {
    const startedAt = performance.now();
    if (this.closedReason) {
      return Promise.resolve({ ok: false, error: this.closedReason, latencyMs: 0 });
    }
    const id = String(++this.nextId);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        resolve({ ok: false, error: `${action} timed out`, latencyMs: performance.now() - startedAt });
      }, timeoutMs);
      this.pending.set(id, { startedAt, timer, settle: resolve });
      this.socket.send(JSON.stringify([CALL, id, action, payload]));
    });
  }

  /** Drops the connection at once, without a closing handshake: a station losing its network. */
  terminate(): void {
    this.socket.terminate();
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.socket.terminate();
        resolve();
      }, 2000);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.close(1000);
    });
  }

  private onFrame(data: Buffer): void {
    const receivedAt = performance.now();
    let frame: unknown;
    try {
      frame = JSON.parse(data.toString('utf8'));
    } catch {
      return;
    }
    if (!Array.isArray(frame) || typeof frame[1] !== 'string') return;
    const [type, id] = frame as [number, string];
    if (type === CALL) {
      // The benchmark station implements no central-system command; the spec's answer for that.
      this.socket.send(JSON.stringify([CALLERROR, id, 'NotImplemented', 'benchmark station', {}]));
      return;
    }
    const call = this.pending.get(id);
    if (!call) return;
    this.pending.delete(id);
    clearTimeout(call.timer);
    const latencyMs = receivedAt - call.startedAt;
    if (type === CALLRESULT) {
      const payload = frame[2] as unknown;
      call.settle({
        ok: true,
        payload: typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {},
        latencyMs,
      });
    } else if (type === CALLERROR) {
      call.settle({ ok: false, error: `CALLERROR ${String(frame[2])}: ${String(frame[3])}`, latencyMs });
    }
  }

  private failAll(reason: string): void {
    this.closedReason ??= reason;
    for (const [id, call] of this.pending) {
      clearTimeout(call.timer);
      this.pending.delete(id);
      call.settle({ ok: false, error: reason, latencyMs: performance.now() - call.startedAt });
    }
  }
}
