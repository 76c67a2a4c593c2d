import { TenantId } from '@csms/common';
import { RpcConnection } from '../transport/rpc-connection';
import { OcppMessageDirection } from './models/ocpp-message.model';
import { OcppMessageRecord } from './ocpp-message.repository';

const MESSAGE_TYPES: Record<number, string> = { 2: 'CALL', 3: 'CALLRESULT', 4: 'CALLERROR' };

/** Calls awaiting their answer per direction; a station that never answers cannot grow this. */
const MAX_PENDING = 64;

interface PendingCall {
  record: OcppMessageRecord;
  /** Logs an outbound CALL as unanswered once the station is past its time to answer. */
  timer?: NodeJS.Timeout;
}

type FrameHeader = Pick<OcppMessageRecord, 'messageType' | 'messageId' | 'action' | 'errorCode'>;

/** `[type,"id"` and, when it is a string, the third element: the header every OCPP-J frame starts with. */
const FRAME_HEADER = /^\s*\[\s*([234])\s*,\s*"([^"\\]*)"\s*(?:,\s*"([^"\\]*)")?/;

/**
 * What the log needs of a frame, read from its header: parsing the whole frame a second time (the
 * RPC layer parses and validates it) would cost more than the rest of the record. A header that the
 * pattern does not read (escaped quotes in the id) falls back to a full parse.
 */
function describe(frame: string): FrameHeader {
  const header = FRAME_HEADER.exec(frame);
  return header ? classify(Number(header[1]), header[2], header[3]) : describeParsed(frame);
}

function describeParsed(frame: string): FrameHeader {
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

function classify(type: unknown, messageId: unknown, third: string | undefined): FrameHeader {
  const messageType = typeof type === 'number' ? MESSAGE_TYPES[type] : undefined;
  if (!messageType || typeof messageId !== 'string') return { messageType: 'INVALID' };
  if (messageType === 'CALL') return { messageType, messageId, action: third };
  if (messageType === 'CALLERROR') return { messageType, messageId, errorCode: third };
  return { messageType, messageId };
}

/**
 * A copy of a header field that the log keeps. The pattern's captures are V8 substrings, views that
 * keep their whole frame alive: a MeterValues id held in its station's run for two seconds held its
 * ~500-byte frame with it, and the scavenges copied and promoted those frames (a quarter of their
 * time at 500 stations). Prefixing forces a flat copy of the few characters; slicing the prefix off
 * refers to that copy only.
 */
function detached(text: string): string {
  return (' ' + text).slice(1);
}

/**
 * Turns the frames of one connection into log records: a CALL is held until its answer comes (the
 * answer travels the other way; ids are the caller's) and both are recorded as one, with the
 * latency. A CALL without an answer is recorded as such when the connection closes, when too many
 * wait, or, for ours, `unansweredAfterMs` after it was sent. Frames of no call are recorded alone.
 * `noteOf` gives what the handler noted about its answer to a station's CALL (why it refused).
 */
export function recordFrames(
  connection: RpcConnection,
  tenantId: TenantId,
  stationId: string,
  record: (entry: OcppMessageRecord) => void,
  unansweredAfterMs: number,
  noteOf: (messageId: string) => string | undefined = () => undefined,
): void {
  const pending: Record<OcppMessageDirection, Map<string, PendingCall>> = {
    [OcppMessageDirection.IN]: new Map(),
    [OcppMessageDirection.OUT]: new Map(),
  };
  const take = (direction: OcppMessageDirection, messageId: string): OcppMessageRecord | undefined => {
    const call = pending[direction].get(messageId);
    if (!call) return undefined;
    pending[direction].delete(messageId);
    clearTimeout(call.timer);
    return call.record;
  };
  const recordUnanswered = (direction: OcppMessageDirection, messageId: string): void => {
    const call = take(direction, messageId);
    if (call) record(call);
  };

  connection.on('message', ({ message, outbound }: { message: string | Buffer; outbound: boolean }) => {
    const frame = typeof message === 'string' ? message : message.toString('utf8');
    const now = Date.now();
    const direction = outbound ? OcppMessageDirection.OUT : OcppMessageDirection.IN;
    const header = describe(frame);
    const sizeBytes = Buffer.byteLength(frame);
    const { messageType, messageId } = header;
    if (messageId !== undefined && messageType !== 'CALL') {
      const call = take(outbound ? OcppMessageDirection.IN : OcppMessageDirection.OUT, messageId);
      if (call) {
        // The waiting record is this recorder's alone: completed in place, not copied (per frame).
        call.answerType = messageType;
        call.answerSizeBytes = sizeBytes;
        call.latencyMs = now - call.at.getTime();
        if (header.errorCode !== undefined) call.errorCode = detached(header.errorCode);
        const note = outbound ? noteOf(messageId) : undefined;
        if (note) call.note = note;
        record(call);
        return;
      }
    }
    const entry: OcppMessageRecord = {
      tenantId,
      stationId,
      direction,
      sizeBytes,
      at: new Date(now),
      messageType,
    };
    if (messageId !== undefined) entry.messageId = detached(messageId);
    if (header.action !== undefined) entry.action = detached(header.action);
    if (header.errorCode !== undefined) entry.errorCode = detached(header.errorCode);
    if (messageId === undefined || messageType !== 'CALL') {
      record(entry);
      return;
    }
    const calls = pending[direction];
    // A CALL that reuses a waiting id ends the earlier one's wait.
    recordUnanswered(direction, messageId);
    calls.set(messageId, {
      record: entry,
      timer: outbound
        ? setTimeout(() => recordUnanswered(direction, messageId), unansweredAfterMs).unref()
        : undefined,
    });
    if (calls.size > MAX_PENDING) recordUnanswered(direction, calls.keys().next().value as string);
  });
  connection.once('close', () => {
    for (const direction of [OcppMessageDirection.IN, OcppMessageDirection.OUT]) {
      for (const messageId of [...pending[direction].keys()]) recordUnanswered(direction, messageId);
    }
  });
}
