import WebSocket, { RawData } from 'ws';

/** Per-connection limits on what a station may send (config: OCPP_MAX_FRAME_BYTES, OCPP_MAX_MESSAGES_PER_SECOND). */
export interface FrameLimits {
  maxFrameBytes: number;
  messagesPerSecond: number;
}

/** Frames up to this many times the limit are read and refused with a CALLERROR; larger ones close the connection. */
export const HARD_FRAME_LIMIT_FACTOR = 4;

export type RefusalReason = 'too-large' | 'too-deep' | 'binary' | 'too-fast';

/**
 * Arrays and objects nested deeper than this in a frame (the frame's own array included) are refused
 * unparsed: OCPP's deepest messages nest about eight levels, while a payload nested many thousand
 * levels deep passes a schema's `anyType` (2.0.1 DataTransfer data, customData) and then overflows
 * the stack of whatever walks it (JSON.stringify, BSON).
 */
export const MAX_FRAME_NESTING = 32;

/** What a refused frame gets: a CALLERROR when it is a CALL whose id can be read, else nothing. */
export interface Refusal {
  reason: RefusalReason;
  callError?: [4, string, string, string, Record<string, unknown>];
}

/**
 * A token bucket: `perSecond` messages a second on average, bursts of twice as many (a station
 * replaying what it queued offline sends as fast as it is answered).
 */
export class MessageRate {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    now = Date.now(),
  ) {
    this.tokens = 2 * perSecond;
    this.last = now;
  }

  take(now = Date.now()): boolean {
    this.tokens = Math.min(2 * this.perSecond, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** OCPP-J message ids are at most 36 characters: read from the head of the frame, the rest unparsed. */
const CALL_HEAD = /^\s*\[\s*2\s*,\s*"((?:[^"\\]|\\.){1,36})"/;

/** The message id of a frame that starts like a CALL. */
export function callIdOf(head: string): string | undefined {
  return CALL_HEAD.exec(head)?.[1];
}

function sizeOf(data: RawData): number {
  if (Array.isArray(data)) return data.reduce((sum, chunk) => sum + chunk.length, 0);
  return data instanceof ArrayBuffer ? data.byteLength : data.length;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/** Whether arrays and objects nest deeper than `limit` in a JSON text (strings skipped), read as bytes. */
export function nestsDeeperThan(bytes: Buffer, limit: number): boolean {
  // This runs on every frame: one with no more brackets than the limit cannot nest deeper, and
  // counting them is a few native searches instead of a loop over every byte.
  if (openingsAtMost(bytes, limit)) return false;
  let depth = 0;
  let inString = false;
  for (let at = 0; at < bytes.length; at++) {
    const byte = bytes[at];
    if (inString) {
      if (byte === BACKSLASH) at++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) depth--;
  }
  return false;
}

/** Whether the text holds at most `limit` opening brackets, counting those inside strings too. */
function openingsAtMost(bytes: Buffer, limit: number): boolean {
  let count = 0;
  for (const opening of [OPEN_ARRAY, OPEN_OBJECT]) {
    for (let at = bytes.indexOf(opening); at !== -1; at = bytes.indexOf(opening, at + 1)) {
      if (++count > limit) return false;
    }
  }
  return true;
}

function bytesOf(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? Buffer.from(data) : data;
}

function headOf(data: RawData): string {
  const buffer = Array.isArray(data) ? data[0] : Buffer.from(data as ArrayBuffer);
  return buffer.subarray(0, 128).toString('utf8');
}

/**
 * Whether a station's frame is refused before it is parsed: too large or nested too deep (FormatViolation), binary
 * (OCPP-J messages are text frames: RpcFrameworkError), or beyond the connection's message rate
 * (GenericError, to be sent again later). Over the rate, only CALLs are refused: a station's answers
 * to our own calls are always read.
 */
export function refusalOf(
  data: RawData,
  isBinary: boolean,
  limits: FrameLimits,
  rate: MessageRate,
): Refusal | undefined {
  const size = sizeOf(data);
  const withinRate = rate.take();
  let reason: RefusalReason;
  let code: string;
  let message: string;
  let details: Record<string, unknown>;
  if (size > limits.maxFrameBytes) {
    reason = 'too-large';
    code = 'FormatViolation';
    message = `Frame of ${size} bytes exceeds the limit of ${limits.maxFrameBytes} bytes`;
    details = { size, limit: limits.maxFrameBytes };
  } else if (!isBinary && nestsDeeperThan(bytesOf(data), MAX_FRAME_NESTING)) {
    reason = 'too-deep';
    code = 'FormatViolation';
    message = `Frame nested deeper than ${MAX_FRAME_NESTING} levels`;
    details = { limit: MAX_FRAME_NESTING };
  } else if (isBinary) {
    reason = 'binary';
    code = 'RpcFrameworkError';
    message = 'OCPP-J messages are sent in text frames, not binary ones';
    details = {};
  } else if (!withinRate) {
    const id = callIdOf(headOf(data));
    if (id === undefined) return undefined;
    reason = 'too-fast';
    code = 'GenericError';
    message = `More than ${limits.messagesPerSecond} messages a second on this connection: send it again later`;
    details = { limitPerSecond: limits.messagesPerSecond };
  } else {
    return undefined;
  }
  const id = callIdOf(headOf(data));
  return { reason, ...(id === undefined ? {} : { callError: [4, id, code, message, details] }) };
}

/** A station's socket: which station it is, once the OCPP-J server knows. */
export interface GuardedSocket extends WebSocket {
  station?: string;
}

export interface FrameGuardHooks {
  /** Serializes a CALLERROR in the dialect of the connection's subprotocol. */
  speak(protocol: string, callError: NonNullable<Refusal['callError']>): string;
  /** Once per connection and reason: what was refused, for the log. */
  refused(socket: GuardedSocket, refusal: Refusal): void;
}

/**
 * The WebSocket class of the OCPP-J server: every frame a station sends passes the connection's
 * limits before ocpp-rpc reads it. A refused frame is answered here (or dropped) and never parsed.
 */
export function guardedWebSocketClass(limits: FrameLimits, hooks: FrameGuardHooks): typeof WebSocket {
  return class GuardedWebSocket extends WebSocket implements GuardedSocket {
    station?: string;
    private readonly rate = new MessageRate(limits.messagesPerSecond);
    private readonly reported = new Set<RefusalReason>();

    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event !== 'message') return super.emit(event, ...args);
      const [data, isBinary] = args as [RawData, boolean];
      const refusal = refusalOf(data, isBinary, limits, this.rate);
      if (!refusal) return super.emit(event, ...args);
      if (refusal.callError && this.readyState === WebSocket.OPEN) {
        this.send(hooks.speak(this.protocol, refusal.callError));
      }
      if (!this.reported.has(refusal.reason)) {
        this.reported.add(refusal.reason);
        hooks.refused(this, refusal);
      }
      return true;
    }
  };
}
