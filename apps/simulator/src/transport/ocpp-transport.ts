/** A call from the CSMS to the station: the operation and its payload, shaped like the OCPP-J JSON. */
export interface IncomingCall {
  method?: string;
  params?: Record<string, unknown>;
}

export type CallHandler = (call: IncomingCall) => Promise<Record<string, unknown>>;

/** Where a protocol adapter registers its answers to the CSMS's calls (one handler, or one for all). */
export interface CommandRegistry {
  handle(method: string | CallHandler, handler?: CallHandler): void;
}

export interface ValidationFailure {
  method?: string;
  error?: Error;
  outbound?: boolean;
}

/**
 * What a station's connection needs from a transport, OCPP-J (an `ocpp-rpc` client) or OCPP-S: calls out,
 * handlers in, and `open` / `disconnect` events when the CSMS becomes reachable or stops being so.
 */
export interface OcppTransport extends CommandRegistry {
  connect(): Promise<unknown>;
  call(method: string, params: object): Promise<unknown>;
  close(options: { code: number; reason: string; force: boolean }): Promise<unknown>;
  on(event: 'open' | 'disconnect', listener: () => void): unknown;
  on(event: 'strictValidationFailure', listener: (event: ValidationFailure) => void): unknown;
}

export interface TransportOptions {
  /** The CSMS endpoint: for OCPP-J the station identity is appended, for OCPP-S it is the service URL. */
  endpoint: string;
  identity: string;
  password?: string;
  callTimeoutMs: number;
}

export type TransportFactory = (options: TransportOptions) => OcppTransport;
