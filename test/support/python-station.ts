import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { pythonInterpreter } from './test-tools';

export interface PeerEvent {
  event: string;
  /** 1.6 peers report the integer the server assigned, 2.0.1 peers their own string id. */
  transactionId?: string | number;
  samples?: number;
  /** Pricing peers: what the CSMS told the station about cost. */
  totalCost?: number | null;
  personalMessage?: string | null;
  personalMessageLanguage?: string | null;
  authorizeMessage?: string | null;
  /** Billing peer: the idTagInfo status the CSMS answered. */
  status?: string;
  /** Smart-charging peer: the connector (2.0.1: EVSE, 0 the station) and profile it was set, as decoded. */
  connectorId?: number;
  profile?: Record<string, unknown>;
}

/** A Python peer station (test/peers) whose stdout is a queue of JSON events and stdin its commands. */
export class PythonStation {
  private readonly events: PeerEvent[] = [];
  private readonly waiters: ((event: PeerEvent) => void)[] = [];
  readonly exited: Promise<number | null>;
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const event = JSON.parse(line) as PeerEvent;
      const waiter = this.waiters.shift();
      if (waiter) waiter(event);
      else this.events.push(event);
    });
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  static spawn(script: string, args: string[]): PythonStation {
    return new PythonStation(
      spawn(pythonInterpreter(), [path.join(__dirname, '..', 'peers', script), ...args]),
    );
  }

  next(timeoutMs = 15_000): Promise<PeerEvent> {
    const buffered = this.events.shift();
    if (buffered) return Promise.resolve(buffered);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Python station silent; stderr:\n${this.stderr}`)),
        timeoutMs,
      );
      this.waiters.push((event) => {
        clearTimeout(timer);
        resolve(event);
      });
    });
  }

  /** The next event of this kind; the others before it are dropped (e.g. a CostUpdated racing a start). */
  async until(event: string, timeoutMs = 15_000): Promise<PeerEvent> {
    for (;;) {
      const next = await this.next(timeoutMs);
      if (next.event === event) return next;
    }
  }

  send(line: string): void {
    this.child.stdin.write(`${line}\n`);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }

  get errors(): string {
    return this.stderr;
  }
}
