import { createRPCError, RPCClient } from 'ocpp-rpc';

/* eslint-disable @typescript-eslint/no-explicit-any -- OCPP payloads are checked by the peer's schema validation */
export type Payload = Record<string, any>;
type Answer = Payload | ((params: Payload) => Payload | Promise<Payload>);

interface Expectation {
  answer: Answer;
  resolve: (params: Payload) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

export interface PeerOptions {
  /** `ocpp1.6` or `ocpp2.0.1` (what the station offers, in its order of preference). */
  protocols: string[];
  tenant?: string;
  password?: string;
  /** TLS options for `wss://` (ca, cert, key, minVersion…). */
  tls?: Record<string, unknown>;
  /** Validate our own frames (default); off to offer subprotocols without a schema. */
  strict?: boolean;
}

/** How long a case waits for a CALL it expects from the CSMS. */
const EXPECT_TIMEOUT_MS = 10_000;

/**
 * The station side of a conformance case: a strict OCPP-J client (ocpp-rpc validates what it sends
 * and receives against the official schemas) whose answers to the CSMS are set up by the case before
 * the operator acts. A CALL nobody expected is answered NotImplemented and kept in `unexpected`, so a
 * case can prove the CSMS sent nothing it should not have.
 */
export class StationPeer {
  private readonly expectations = new Map<string, Expectation[]>();
  /** Every CALL the CSMS sent, in order. */
  readonly received: { action: string; params: Payload }[] = [];
  readonly unexpected: string[] = [];

  private constructor(
    readonly id: string,
    readonly client: RPCClient,
  ) {
    client.handle(async ({ method, params }) => {
      const action = String(method);
      const payload = (params ?? {}) as Payload;
      this.received.push({ action, params: payload });
      const expectation = this.expectations.get(action)?.shift();
      if (!expectation) {
        this.unexpected.push(action);
        throw createRPCError('NotImplemented', `No answer prepared for ${action}`) as Error;
      }
      clearTimeout(expectation.timer);
      try {
        const answer =
          typeof expectation.answer === 'function' ? await expectation.answer(payload) : expectation.answer;
        return answer;
      } finally {
        // The answer leaves after this handler returns; the case continues once it has gone.
        setImmediate(() => expectation.resolve(payload));
      }
    });
  }

  static async connect(wsUrl: string, id: string, options: PeerOptions): Promise<StationPeer> {
    const secure = Boolean(options.tls);
    const client = new RPCClient({
      endpoint: `${secure ? wsUrl.replace(/^ws:/, 'wss:') : wsUrl}/ocpp/${options.tenant ?? 'default'}`,
      identity: id,
      password: options.password ?? null,
      protocols: options.protocols,
      strictMode: options.strict ?? true,
      reconnect: false,
      callTimeoutMs: EXPECT_TIMEOUT_MS,
      ...(options.tls ? { wsOpts: options.tls } : {}),
    } as never);
    await client.connect();
    return new StationPeer(id, client);
  }

  get protocol(): string {
    return (this.client as unknown as { protocol: string }).protocol;
  }

  /** A CALL from the station; resolves with the CSMS's answer (a CALLERROR rejects). */
  call<T = Payload>(action: string, params: Payload = {}): Promise<T> {
    return this.client.call(action, params) as Promise<T>;
  }

  /**
   * Prepares the answer to the next `action` the CSMS sends; resolves with that CALL's payload once
   * the answer has been sent. Several answers to one action are used in order.
   */
  answer<T = Payload>(action: string, answer: Answer): Promise<T> {
    const expected = new Promise<T>((resolve, reject) => {
      const queue = this.expectations.get(action) ?? [];
      const expectation: Expectation = {
        answer,
        resolve: resolve as (params: Payload) => void,
        reject,
        timer: setTimeout(() => {
          queue.splice(queue.indexOf(expectation), 1);
          reject(new Error(`${this.id}: the CSMS sent no ${action} within ${EXPECT_TIMEOUT_MS} ms`));
        }, EXPECT_TIMEOUT_MS),
      };
      queue.push(expectation);
      this.expectations.set(action, queue);
    });
    // A case that failed before awaiting this must not fail the next case when its time runs out.
    expected.catch(() => undefined);
    return expected;
  }

  /** The CALLs the CSMS sent of `action`, in order. */
  calls(action: string): Payload[] {
    return this.received.filter((call) => call.action === action).map((call) => call.params);
  }

  async close(): Promise<void> {
    for (const queue of this.expectations.values()) {
      for (const expectation of queue) clearTimeout(expectation.timer);
    }
    this.expectations.clear();
    await this.client.close({ force: true });
  }
}
