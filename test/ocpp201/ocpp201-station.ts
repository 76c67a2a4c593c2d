import { RPCClient } from 'ocpp-rpc';
import WebSocket from 'ws';
import { GraphQLClient } from '../support/graphql-client';
import { connectStation } from '../support/ocpp-station';
import { eventually } from '../support/users';

/** An OCPP 2.0.1-J test station on ocpp-rpc, strict like the server. */
export function connect201(wsUrl: string, identity: string, protocols = ['ocpp2.0.1']): Promise<RPCClient> {
  return connectStation(wsUrl, identity, { protocols });
}

/**
 * Waits until the server recorded the connection. A BootNotification racing the connection's own
 * first write can hit a duplicate-key error on FerretDB (concurrent upserts of a new station in the
 * stations domain; MongoDB retries those itself) — not what these suites test.
 */
export async function untilOnline(admin: GraphQLClient, identity: string): Promise<void> {
  await eventually(
    () =>
      admin.data<{ chargingStation: { online: boolean } | null }>(
        'query($id: ID!) { chargingStation(id: $id) { online } }',
        { id: identity },
      ),
    (result) => result.chargingStation?.online === true,
  );
}

/** A register reading (and optionally power) as a 2.0.1 meterValue. */
export function meterValue(
  timestamp: string,
  registerWh: number,
  context = 'Sample.Periodic',
  watts?: number,
) {
  return {
    timestamp,
    sampledValue: [
      {
        value: registerWh,
        context,
        measurand: 'Energy.Active.Import.Register',
        unitOfMeasure: { unit: 'Wh' },
      },
      ...(watts === undefined
        ? []
        : [{ value: watts, context, measurand: 'Power.Active.Import', unitOfMeasure: { unit: 'W' } }]),
    ],
  };
}

export const BOOT = {
  reason: 'PowerUp',
  chargingStation: {
    vendorName: 'VoltGrid',
    model: 'VG-201',
    serialNumber: 'SN-201',
    firmwareVersion: '2.0.1-fw',
  },
};

/** A bare 2.0.1 socket for frames a strict client refuses to send. */
export class Raw201Socket {
  private readonly frames: unknown[][] = [];
  private readonly waiters: ((frame: unknown[]) => void)[] = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as unknown[];
      const waiter = this.waiters.shift();
      if (waiter) waiter(frame);
      else this.frames.push(frame);
    });
  }

  static open(wsUrl: string, identity: string): Promise<Raw201Socket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(`${wsUrl}/ocpp/default/${identity}`, ['ocpp2.0.1']);
      socket.once('open', () => resolve(new Raw201Socket(socket)));
      socket.once('error', reject);
    });
  }

  get protocol(): string {
    return this.socket.protocol;
  }

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
