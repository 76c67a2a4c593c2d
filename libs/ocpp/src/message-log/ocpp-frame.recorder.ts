import { TenantId } from '@csms/common';
import { RpcConnection } from '../transport/rpc-connection';
import { OcppMessageDirection } from './models/ocpp-message.model';
import { OcppMessageRecord } from './ocpp-message.repository';

const MESSAGE_TYPES: Record<number, string> = { 2: 'CALL', 3: 'CALLRESULT', 4: 'CALLERROR' };

/** Unanswered calls remembered per direction; a station that never answers cannot grow this. */
const MAX_PENDING = 64;

interface PendingCall {
  action: string;
  at: number;
}

/** `[type,"id"` and, when it is a string, the third element: the header every OCPP-J frame starts with. */
const FRAME_HEADER = /^\s*\[\s*([234])\s*,\s*"([^"\\]*)"\s*(?:,\s*"([^"\\]*)")?/;

/**
 * What the log needs of a frame, read from its header: parsing the whole frame a second time (the
 * RPC layer parses and validates it) would cost more than the rest of the record. A header that the
 * pattern does not read (escaped quotes in the id) falls back to a full parse.
 */
function describe(
  frame: string,
): Pick<OcppMessageRecord, 'messageType' | 'messageId' | 'action' | 'errorCode'> {
  const header = FRAME_HEADER.exec(frame);
  return header ? classify(Number(header[1]), header[2], header[3]) : describeParsed(frame);
}

function describeParsed(
  frame: string,
): Pick<OcppMessageRecord, 'messageType' | 'messageId' | 'action' | 'errorCode'> {
  let message: unknown;
  try {
    message = JSON.parse(frame);
  } catch {
    return { messageType: 'INVALID' };
  }
  if (!Array.isArray(message)) return { messageType: 'INVALID' };
  const [type, messageId, third] = message as unknown[];
  return classify(type, messageId, typeof third === 'string' ? third : undefined);
}

function classify(
  type: unknown,
  messageId: unknown,
  third: string | undefined,
): Pick<OcppMessageRecord, 'messageType' | 'messageId' | 'action' | 'errorCode'> {
  const messageType = typeof type === 'number' ? MESSAGE_TYPES[type] : undefined;
  if (!messageType || typeof messageId !== 'string') return { messageType: 'INVALID' };
  if (messageType === 'CALL') return { messageType, messageId, action: third };
  if (messageType === 'CALLERROR') return { messageType, messageId, errorCode: third };
  return { messageType, messageId };
}

/**
 * Turns every frame of one connection into a log record: answers get their CALL's action and
 * the latency since it. Calls are matched per direction (ids are the caller's).
 */
export function recordFrames(
  connection: RpcConnection,
  tenantId: TenantId,
  stationId: string,
  record: (entry: OcppMessageRecord) => void,
): void {
  const pending: Record<OcppMessageDirection, Map<string, PendingCall>> = {
    [OcppMessageDirection.IN]: new Map(),
    [OcppMessageDirection.OUT]: new Map(),
  };
  connection.on('message', ({ message, outbound }: { message: string | Buffer; outbound: boolean }) => {
    const frame = typeof message === 'string' ? message : message.toString('utf8');
    const now = Date.now();
    const direction = outbound ? OcppMessageDirection.OUT : OcppMessageDirection.IN;
    const entry: OcppMessageRecord = {
      tenantId,
      stationId,
      direction,
      sizeBytes: Buffer.byteLength(frame),
      at: new Date(now),
      ...describe(frame),
    };
    if (entry.messageId !== undefined) {
      if (entry.messageType === 'CALL' && entry.action) {
        const calls = pending[direction];
        calls.set(entry.messageId, { action: entry.action, at: now });
        if (calls.size > MAX_PENDING) calls.delete(calls.keys().next().value as string);
      } else if (entry.messageType !== 'CALL') {
        // An answer travels the other way from its CALL.
        const callDirection = outbound ? OcppMessageDirection.IN : OcppMessageDirection.OUT;
        const call = pending[callDirection].get(entry.messageId);
        if (call) {
          pending[callDirection].delete(entry.messageId);
          entry.action = call.action;
          entry.latencyMs = now - call.at;
        }
      }
    }
    record(entry);
  });
  connection.once('close', () => {
    pending[OcppMessageDirection.IN].clear();
    pending[OcppMessageDirection.OUT].clear();
  });
}
