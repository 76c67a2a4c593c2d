import { SimulationStats } from '../stats/simulation-stats';
import {
  CommandRegistry,
  OcppTransport,
  TransportFactory,
  ValidationFailure,
} from '../transport/ocpp-transport';

export interface ConnectionOptions {
  endpoint: string;
  identity: string;
  transport: TransportFactory;
  password?: string;
  callTimeoutMs?: number;
}

interface QueuedMessage {
  method: string;
  /** Undefined when the message no longer makes sense (e.g. its transaction was refused). */
  build: () => object | undefined;
  resolve: (result: unknown) => void;
  /** Runs synchronously on the answer, before the next queued message is built. */
  onAnswer?: (result: unknown) => void;
  /** Produced or still waiting while the station was offline: its delivery is a replay. */
  offline: boolean;
}

/**
 * One station's connection to the CSMS over its transport (OCPP-J or OCPP-S), latency and error counting, and the
 * offline queue: transaction messages produced while disconnected are kept (built lazily, so a 1.6
 * transactionId learnt during the replay is used) and sent in order once the station is back online.
 */
export class StationConnection {
  private client?: OcppTransport;
  private readonly queue: QueuedMessage[] = [];
  private flushing = false;
  private connected = false;
  /** Connected and past BootNotification: messages may flow. */
  ready = false;

  onReconnected?: () => void;
  onDisconnected?: () => void;

  constructor(
    private readonly options: ConnectionOptions,
    private readonly stats: SimulationStats,
    private readonly registerHandlers: (client: CommandRegistry) => void,
  ) {}

  get isConnected(): boolean {
    return this.connected;
  }

  get queueLength(): number {
    return this.queue.length;
  }

  /** Opens a fresh transport; rejects when the CSMS cannot be reached or refuses the station. */
  async open(): Promise<void> {
    const client = this.options.transport({
      endpoint: this.options.endpoint,
      identity: this.options.identity,
      password: this.options.password,
      callTimeoutMs: this.options.callTimeoutMs ?? 30_000,
    });
    client.on('strictValidationFailure', (event: ValidationFailure) => {
      this.stats.recordError(
        `${event.outbound ? 'sent' : 'received'} invalid ${event.method}: ${event.error?.message}`,
      );
    });
    client.on('disconnect', () => {
      if (this.client !== client) return;
      this.markDisconnected();
    });
    let reopening = false;
    client.on('open', () => {
      if (this.client !== client || this.connected) return;
      this.connected = true;
      this.stats.connectedStations++;
      // The first 'open' is connect() itself; later ones are the transport's automatic reconnects.
      if (reopening) {
        this.stats.reconnects++;
        this.onReconnected?.();
      }
      reopening = true;
    });
    this.registerHandlers(client);
    this.client = client;
    try {
      await client.connect();
    } catch (error) {
      this.client = undefined;
      throw error;
    }
  }

  /** Drops the connection on purpose (reboot, outage); pending calls fail, queued messages stay. */
  async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.markDisconnected();
    await client?.close({ code: 1001, reason: 'Going away', force: false }).catch(() => undefined);
  }

  /** A call that needs a live connection (boot, authorize, heartbeat): throws when offline. */
  async call<T>(method: string, params: object): Promise<T> {
    const client = this.client;
    if (!client || !this.connected) throw new Error(`${method}: station offline`);
    const sentAt = performance.now();
    this.stats.messagesSent++;
    try {
      const result = (await client.call(method, params)) as T;
      this.stats.recordAnswer(performance.now() - sentAt);
      return result;
    } catch (error) {
      // Calls cut short by a disconnect we caused ourselves (reboot, outage) are not errors.
      if (this.client === client) {
        this.stats.recordError(`${method}: ${error instanceof Error ? error.message : String(error)}`);
      }
      throw error;
    }
  }

  /**
   * A transaction-related message: sent now when online and nothing older waits, otherwise queued and
   * replayed later. Resolves with the answer once it has been delivered.
   */
  send<T>(
    method: string,
    build: () => object | undefined,
    onAnswer?: (result: T) => void,
  ): Promise<T | undefined> {
    return new Promise<unknown>((resolve) => {
      const offline = !this.ready;
      this.queue.push({
        method,
        build,
        resolve,
        offline,
        onAnswer: onAnswer as ((result: unknown) => void) | undefined,
      });
      if (offline) this.stats.queuedMessages++;
      void this.flush();
    }) as Promise<T | undefined>;
  }

  /** Sends queued messages in order; stops at a disconnect and keeps the rest for the next attempt. */
  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.ready && this.queue.length) {
        const next = this.queue[0];
        let result: unknown;
        const params = next.build();
        try {
          result = params === undefined ? undefined : await this.call(next.method, params);
        } catch {
          if (!this.ready) return;
          // Refused by the CSMS (CALLERROR, timeout): a real station gives up on the message too.
          result = undefined;
        }
        this.queue.shift();
        if (next.offline) this.stats.replayedMessages++;
        if (result !== undefined) next.onAnswer?.(result);
        next.resolve(result);
      }
    } finally {
      this.flushing = false;
    }
  }

  private markDisconnected(): void {
    if (this.connected) this.stats.connectedStations--;
    this.connected = false;
    this.ready = false;
    for (const message of this.queue) {
      if (!message.offline) this.stats.queuedMessages++;
      message.offline = true;
    }
    this.onDisconnected?.();
  }
}
