import { RPCClient, TimeoutError } from 'ocpp-rpc';
import { setTimeout as sleep } from 'node:timers/promises';
import { rpcErrorCodeOf } from '../../../libs/ocpp/src/transport/rpc-connection';
import { ConnectorState, Frame, LocalSession, StationDialect } from './station-dialects';

/** What the CSMS acknowledged (answered with a CALLRESULT), as the station recorded it. */
export type Acknowledged =
  | { kind: 'start'; session: LocalSession; timestamp: string }
  | { kind: 'meter'; session: LocalSession; timestamp: string; registerWh: number }
  | { kind: 'stop'; session: LocalSession; timestamp: string; registerWh: number }
  | { kind: 'status'; state: ConnectorState; timestamp: string };

interface Outgoing {
  frame: Frame;
  /** The ledger entry once acknowledged (none for a boot). */
  acknowledged?: Acknowledged;
  onAnswer?: (answer: unknown) => void;
  /** Produced while the station had no connection: sent later, with its old timestamp. */
  offline: boolean;
}

/** Messages a connected station lets wait before it skips producing its next one. */
const ONLINE_BACKLOG = 2;

export interface FaultStationOptions {
  tagId: string;
  /** MeterValues (or TransactionEvent Updated) per session before it stops. */
  meterValuesPerSession: number;
  /** How often the station produces its next message. */
  tickMs: number;
  /** A CALL unanswered this long counts as lost with its connection (the station reconnects). */
  callTimeoutMs: number;
  /** Wait before sending a message again that got a CALLERROR, as TransactionMessageRetryInterval. */
  retryAfterErrorMs: number;
}

export interface StationCounters {
  sent: number;
  callErrors: Map<string, number>;
  timeouts: number;
  connections: number;
  /** Messages delivered that had been produced (or were pending) while the station had no connection. */
  replayed: number;
  /** Milliseconds from sending each CALL to its answer (CALLRESULT or CALLERROR), summed by action. */
  answerMs: Map<string, { count: number; totalMs: number }>;
}

/**
 * A charging station for fault tests, on ocpp-rpc in strict mode. It charges session after session
 * on connector 1, and keeps every transaction message and status in a queue that survives its
 * connection: a message is removed only once the CSMS acknowledged it (CALLRESULT), is sent again
 * after a CALLERROR, and waits through a lost connection (server killed, restarted) to be replayed
 * in order with its original timestamp, as real stations do. Every acknowledgment goes into
 * `ledger`: what the database must hold exactly once.
 */
export class FaultStation {
  readonly ledger: Acknowledged[] = [];
  readonly counters: StationCounters = {
    sent: 0,
    callErrors: new Map(),
    timeouts: 0,
    connections: 0,
    replayed: 0,
    answerMs: new Map(),
  };
  private readonly queue: Outgoing[] = [];
  private client?: RPCClient;
  private sending = false;
  private producing = false;
  private closed = false;
  private booted = false;
  private state: ConnectorState = 'Available';
  private session?: LocalSession;
  private meterValuesSent = 0;
  private sessions = 0;
  private registerWh = 1000 + Math.floor(Math.random() * 1000);
  private lastTimestamp = 0;
  private producer?: Promise<void>;
  private connector?: Promise<void>;
  /** The message on the wire and not answered yet. */
  inFlight?: Outgoing;

  constructor(
    readonly id: string,
    readonly dialect: StationDialect,
    private readonly endpoint: string,
    private readonly options: FaultStationOptions,
  ) {}

  get connected(): boolean {
    return this.client !== undefined;
  }

  /** Messages not acknowledged yet, the one in flight included. */
  get pending(): number {
    return this.queue.length;
  }

  /** Messages produced while the station had no connection and not acknowledged yet. */
  get offlinePending(): number {
    return this.queue.filter((outgoing) => outgoing.offline).length;
  }

  get sessionsStarted(): number {
    return this.sessions;
  }

  /** The station's sessions in the order it started them. */
  get localSessions(): LocalSession[] {
    return this.ledger.flatMap((entry) => (entry.kind === 'start' ? [entry.session] : []));
  }

  /** Connects (and keeps reconnecting), boots once, then charges until stopProducing(). */
  start(): void {
    this.producing = true;
    this.connector = this.keepConnected();
    this.producer = this.produce();
  }

  /** Ends the session under way (its stop is queued) and produces nothing more. */
  async stopProducing(): Promise<void> {
    this.producing = false;
    await this.producer;
    if (this.session) this.endSession();
  }

  /** Ends the session under way at once (its stop is queued now), then charges on as before. */
  endSessionNow(): void {
    if (this.session) this.endSession();
  }

  /** Closes the connection and stops reconnecting; unsent messages stay counted as pending. */
  async close(): Promise<void> {
    this.producing = false;
    this.closed = true;
    await this.producer;
    const client = this.client;
    this.client = undefined;
    await client?.close({ force: true }).catch(() => undefined);
    await this.connector;
  }

  private async keepConnected(): Promise<void> {
    let delayMs = 200;
    while (!this.closed) {
      if (this.client) {
        await sleep(100);
        continue;
      }
      try {
        await this.connect();
        delayMs = 200;
      } catch {
        await sleep(delayMs * (0.75 + Math.random() / 2));
        delayMs = Math.min(delayMs * 2, 2000);
      }
    }
  }

  private async connect(): Promise<void> {
    const client = new RPCClient({
      endpoint: this.endpoint,
      identity: this.id,
      protocols: [this.dialect.subprotocol],
      strictMode: true,
      reconnect: false,
      callTimeoutMs: this.options.callTimeoutMs,
    } as never);
    await client.connect();
    client.once('close', () => {
      if (this.client === client) this.client = undefined;
    });
    if (this.closed) {
      await client.close({ force: true });
      return;
    }
    this.client = client;
    this.counters.connections += 1;
    if (!this.booted) {
      // A reconnection is not a reboot: only the first connection boots (a 1.6 boot closes sessions).
      this.queue.unshift({
        frame: this.dialect.boot(),
        offline: false,
        onAnswer: () => (this.booted = true),
      });
    }
    void this.send();
  }

  /** Sends the queue head while connected; stops at a lost connection, keeps the rest. */
  private async send(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (;;) {
        const client = this.client;
        const next = this.queue[0];
        if (!client || !next) return;
        this.inFlight = next;
        this.counters.sent += 1;
        let answer: unknown;
        const sentAt = Date.now();
        try {
          answer = await client.call(next.frame.action, next.frame.build());
          this.countAnswer(next.frame.action, sentAt);
        } catch (error) {
          const code = rpcErrorCodeOf(error);
          if (code) {
            this.countAnswer(next.frame.action, sentAt);
            // The CSMS answered with a CALLERROR: the message is sent again after a while.
            this.counters.callErrors.set(code, (this.counters.callErrors.get(code) ?? 0) + 1);
            await sleep(this.options.retryAfterErrorMs);
            continue;
          }
          // Timed out or cut off: the connection is gone for this station; reconnect and replay.
          if (error instanceof TimeoutError) this.counters.timeouts += 1;
          if (this.client === client) this.client = undefined;
          await client.close({ force: true }).catch(() => undefined);
          return;
        } finally {
          this.inFlight = undefined;
        }
        this.queue.shift();
        if (next.offline) this.counters.replayed += 1;
        next.onAnswer?.(answer);
        if (next.acknowledged) this.ledger.push(next.acknowledged);
      }
    } finally {
      this.sending = false;
      // A message queued or a connection made while the loop was winding down.
      if (this.client && this.queue.length) void this.send();
    }
  }

  private countAnswer(action: string, sentAt: number): void {
    const sum = this.counters.answerMs.get(action) ?? { count: 0, totalMs: 0 };
    sum.count += 1;
    sum.totalMs += Date.now() - sentAt;
    this.counters.answerMs.set(action, sum);
  }

  private enqueue(outgoing: Outgoing): void {
    this.queue.push(outgoing);
    void this.send();
  }

  private async produce(): Promise<void> {
    while (this.producing) {
      await sleep(this.options.tickMs * (0.5 + Math.random()));
      if (!this.producing) return;
      if (!this.booted) continue;
      // Online, a station sends no faster than it is answered (on a slow machine the server sets the
      // pace); offline, it charges on and queues, and that backlog is replayed once it is back.
      if (this.client && this.queue.length > ONLINE_BACKLOG) continue;
      if (!this.session) this.startSession();
      else if (this.meterValuesSent < this.options.meterValuesPerSession) this.sendMeterValue();
      else this.endSession();
    }
  }

  /** Strictly increasing timestamps, so each sample is its own curve point. */
  private now(): string {
    this.lastTimestamp = Math.max(Date.now(), this.lastTimestamp + 1);
    return new Date(this.lastTimestamp).toISOString();
  }

  private get offline(): boolean {
    return !this.client;
  }

  private status(state: ConnectorState): void {
    this.state = state;
    const timestamp = this.now();
    this.enqueue({
      frame: this.dialect.status(state, timestamp),
      acknowledged: { kind: 'status', state, timestamp },
      offline: this.offline,
    });
  }

  private startSession(): void {
    this.sessions += 1;
    const session: LocalSession = {
      key: `${this.id}-S${this.sessions}`,
      meterStartWh: this.registerWh,
      nextSeqNo: 0,
    };
    this.session = session;
    this.meterValuesSent = 0;
    this.status('Preparing');
    const timestamp = this.now();
    this.enqueue({
      frame: this.dialect.start(session, this.options.tagId, timestamp, this.offline),
      acknowledged: { kind: 'start', session, timestamp },
      onAnswer: (answer) => this.dialect.started(session, answer),
      offline: this.offline,
    });
    this.status('Charging');
  }

  private sendMeterValue(): void {
    const session = this.session!;
    this.meterValuesSent += 1;
    this.registerWh += 100 + Math.floor(Math.random() * 100);
    const timestamp = this.now();
    this.enqueue({
      frame: this.dialect.meterValue(session, this.registerWh, timestamp, this.offline),
      acknowledged: { kind: 'meter', session, timestamp, registerWh: this.registerWh },
      offline: this.offline,
    });
  }

  private endSession(): void {
    const session = this.session!;
    this.session = undefined;
    this.registerWh += 50;
    const timestamp = this.now();
    this.enqueue({
      frame: this.dialect.stop(session, this.registerWh, timestamp, this.offline),
      acknowledged: { kind: 'stop', session, timestamp, registerWh: this.registerWh },
      offline: this.offline,
    });
    this.status('Finishing');
    this.status('Available');
  }

  /** The connector state the station reported last. */
  get lastState(): ConnectorState {
    return this.state;
  }
}
