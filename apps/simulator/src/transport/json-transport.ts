import { RPCClient } from 'ocpp-rpc';
import { OcppTransport, TransportFactory } from './ocpp-transport';

export type Subprotocol = 'ocpp1.6' | 'ocpp2.0.1';

/**
 * OCPP-J: an `ocpp-rpc` client in strict mode (every frame sent or accepted is schema-valid) that
 * reconnects by itself with a backoff, as a real station does.
 */
export function jsonTransport(subprotocol: Subprotocol): TransportFactory {
  return (options): OcppTransport =>
    new RPCClient({
      endpoint: options.endpoint,
      identity: options.identity,
      protocols: [subprotocol],
      strictMode: true,
      password: options.password ?? null,
      callTimeoutMs: options.callTimeoutMs,
      reconnect: true,
      maxReconnects: Infinity,
      backoff: { initialDelay: 1000, maxDelay: 15_000, factor: 2, randomisationFactor: 0.25 },
    } as ConstructorParameters<typeof RPCClient>[0]);
}
