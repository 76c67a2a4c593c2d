import { AddressInfo } from 'node:net';
import { RPCServer } from 'ocpp-rpc';

/** Frames are untyped JSON that the tests check field by field. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface ReceivedFrame {
  identity: string;
  protocol: string;
  method: string;
  params: Json;
  at: number;
}

/**
 * A minimal central system on a bare ocpp-rpc RPCServer (strict mode, 1.6 and 2.0.1): accepts every
 * station, answers every station→CSMS message, records them, and lets a test send commands.
 */
export class MiniCsms {
  readonly frames: ReceivedFrame[] = [];
  readonly clients = new Map<string, Json>();
  readonly validationFailures: string[] = [];
  private readonly server = new RPCServer({ protocols: ['ocpp1.6', 'ocpp2.0.1'], strictMode: true });
  private nextTransactionId = 1000;
  url = '';

  async listen(): Promise<void> {
    this.server.on('client', (client: Json) => this.accept(client));
    const http = await this.server.listen(0, '127.0.0.1');
    this.url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/ocpp/default`;
  }

  async close(): Promise<void> {
    await this.server.close({ force: true });
  }

  framesOf(identity: string, method?: string): ReceivedFrame[] {
    return this.frames.filter((frame) => frame.identity === identity && (!method || frame.method === method));
  }

  command(identity: string, method: string, params: object): Promise<Json> {
    const client = this.clients.get(identity);
    if (!client) throw new Error(`${identity} is not connected`);
    return client.call(method, params);
  }

  private accept(client: Json): void {
    const identity: string = client.identity;
    this.clients.set(identity, client);
    client.on('strictValidationFailure', (event: Json) =>
      this.validationFailures.push(`${identity} ${event.method}: ${event.error?.message}`),
    );
    client.on('close', () => {
      if (this.clients.get(identity) === client) this.clients.delete(identity);
    });
    client.handle(({ method, params }: { method: string; params: Json }) => {
      this.frames.push({ identity, protocol: client.protocol, method, params, at: Date.now() });
      return this.answer(method, params);
    });
  }

  private answer(method: string, params: Json): object {
    const now = new Date().toISOString();
    switch (method) {
      case 'BootNotification':
        return { status: 'Accepted', interval: 300, currentTime: now };
      case 'Heartbeat':
        return { currentTime: now };
      case 'Authorize':
        return params.idToken
          ? { idTokenInfo: { status: 'Accepted' } }
          : { idTagInfo: { status: 'Accepted' } };
      case 'StartTransaction':
        return { transactionId: this.nextTransactionId++, idTagInfo: { status: 'Accepted' } };
      case 'StopTransaction':
        return { idTagInfo: { status: 'Accepted' } };
      case 'TransactionEvent':
        return params.eventType === 'Started' ? { idTokenInfo: { status: 'Accepted' } } : {};
      case 'DataTransfer':
        return { status: 'Accepted' };
      default:
        return {};
    }
  }
}
