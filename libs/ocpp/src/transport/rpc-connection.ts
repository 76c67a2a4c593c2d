import { EventEmitter } from 'node:events';
import type WebSocket from 'ws';

/**
 * The part of ocpp-rpc's RPCServerClient this edge uses, typed (the library's own typings are
 * loose). One instance per connected station.
 */
export interface RpcHandlerContext {
  messageId: string;
  method: string;
  params: unknown;
}

export interface RpcConnection extends EventEmitter {
  readonly identity: string;
  readonly protocol: string;
  readonly session: Record<string, unknown>;
  handle(method: string, handler: (context: RpcHandlerContext) => Promise<unknown>): void;
  call(method: string, params: unknown, options?: { callTimeoutMs?: number }): Promise<unknown>;
  sendRaw(message: string): void;
  close(options?: {
    code?: number;
    reason?: string;
    awaitPending?: boolean;
    force?: boolean;
  }): Promise<unknown>;
}

/** What ocpp-rpc's errors carry: the OCPP-J error code, set on every RPCError. */
export function rpcErrorCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('rpcErrorCode' in error)) return undefined;
  const code = error.rpcErrorCode;
  return typeof code === 'string' ? code : undefined;
}

/** The WebSocket under a connection (ocpp-rpc keeps it as `_ws`). */
export function socketOf(connection: RpcConnection): WebSocket | undefined {
  return (connection as unknown as { _ws?: WebSocket })._ws;
}
