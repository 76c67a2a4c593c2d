import { createRPCError } from 'ocpp-rpc';
import WebSocket from 'ws';
import { SchemaValidator } from './ocpp-validation';
import { RpcConnection, RpcHandlerContext } from './rpc-connection';

type CallHandler = (context: RpcHandlerContext) => Promise<unknown>;

/** What of ocpp-rpc's client (2.2) answering a station's CALL reads and writes. */
interface RpcClientInternals {
  _state: number;
  _handlers: Map<string, CallHandler>;
  _wildcardHandler: CallHandler | null;
  /** What a graceful close waits for. */
  _pendingResponses: Map<string, { abort(): void; promise: Promise<unknown> }>;
  _onCall(messageId: string, method: string, params: unknown): Promise<void>;
}

interface CallFailure {
  message?: string;
  rpcErrorCode?: string;
  rpcErrorMessage?: string;
  details?: unknown;
}

const CALLRESULT = 3;
const CALLERROR = 4;
/** Our handlers take no abort signal: a graceful close only waits for them. */
const NOTHING_TO_ABORT = (): void => undefined;

/**
 * Answers a station's CALLs on this connection as ocpp-rpc's client does (the handler registered for
 * the action, the request and our answer checked against the subprotocol's schemas, a CALLERROR for
 * what fails), without what it adds per CALL that nothing here uses: an AbortController, a promise
 * with an async executor and three events, per MeterValues too. The connection's dialect filter
 * (`sendRaw`) still renames error codes for OCPP 1.6, and ocpp-rpc still parses every frame, answers
 * malformed ones and handles the answers to our own calls. It replaces a private method of ocpp-rpc's
 * client: its spec fails should an upgrade of ocpp-rpc stop calling this one.
 */
export function answerCallsDirectly(connection: RpcConnection, validator: SchemaValidator): void {
  const client = connection as unknown as RpcClientInternals;
  client._onCall = async (messageId, method, params) => {
    if (client._state !== WebSocket.OPEN) return;
    let answered: Promise<unknown> | undefined;
    let frame: unknown[];
    try {
      if (client._pendingResponses.has(messageId)) {
        throw createRPCError(
          'RpcFrameworkError',
          `Already processing a call with message ID: ${messageId}`,
        ) as Error;
      }
      const handler = client._handlers.get(method) ?? client._wildcardHandler;
      if (!handler) throw createRPCError('NotImplemented', `Unable to handle '${method}' calls`) as Error;
      checkAgainstSchema(connection, validator, { messageId, method, params, outbound: false });
      answered = handler({ messageId, method, params });
      client._pendingResponses.set(messageId, { abort: NOTHING_TO_ABORT, promise: answered });
      const result = await answered;
      checkAgainstSchema(connection, validator, { messageId, method, params, result, outbound: true });
      frame = [CALLRESULT, messageId, result];
    } catch (error) {
      const failure = error as CallFailure;
      frame = [
        CALLERROR,
        messageId,
        failure.rpcErrorCode ?? 'GenericError',
        failure.message || failure.rpcErrorMessage || '',
        failure.details || {},
      ];
    } finally {
      if (answered && client._pendingResponses.get(messageId)?.promise === answered) {
        client._pendingResponses.delete(messageId);
      }
    }
    try {
      connection.sendRaw(JSON.stringify(frame));
    } catch {
      void connection.close({ code: 1000, reason: 'Unable to send call result' });
    }
  };
}

/**
 * The station's request (`outbound` false) or our answer against its schema; a failure is announced
 * as ocpp-rpc's strict mode does. Ours becomes an InternalError: the station did nothing wrong.
 */
function checkAgainstSchema(
  connection: RpcConnection,
  validator: SchemaValidator,
  check: { messageId: string; method: string; params: unknown; result?: unknown; outbound: boolean },
): void {
  const { messageId, method, params, result, outbound } = check;
  try {
    validator.check(method, outbound ? 'conf' : 'req', outbound ? result : params);
  } catch (error) {
    connection.emit('strictValidationFailure', {
      messageId,
      method,
      params,
      result: outbound ? result : null,
      error,
      outbound,
      isCall: !outbound,
    });
    throw outbound ? (createRPCError('InternalError') as Error) : error;
  }
}
