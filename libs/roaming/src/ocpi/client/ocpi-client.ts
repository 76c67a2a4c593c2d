import { APP_CONFIG, AppConfig, OutboundHttp, TenantId } from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuthorizationHeaderEncoding } from '../../partners/roaming-partner';
import { authorizationHeader } from '../auth/authorization-header';
import { OcpiMessageLog } from '../log/ocpi-message-log';
import { OcpiResponse, isOcpiResponse } from '../protocol/ocpi-response';
import { Party, routingRequestHeaders } from '../protocol/routing-headers';
import { X_CORRELATION_ID, X_REQUEST_ID } from '../protocol/ocpi-headers';

export interface OcpiCall {
  tenantId: TenantId;
  /** For the log; absent while a partner is not known yet. */
  partnerId?: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  token: string;
  encoding: AuthorizationHeaderEncoding;
  /** The version whose rules the Authorization header follows. */
  version: string;
  module?: string;
  body?: unknown;
  /** 2.2.1 functional modules: OCPI-from/to routing headers. */
  routing?: { from: Party; to: Party };
  correlationId?: string;
  /** Overrides OCPI_REQUEST_TIMEOUT_MS (real-time authorization waits less: a driver stands there). */
  timeoutMs?: number;
}

export interface OcpiReply {
  httpStatus: number;
  headers: Headers;
  /** The parsed OCPI response, when the body was one. */
  ocpi?: OcpiResponse;
  /** The raw body text, for error messages. */
  text: string;
}

/** No answer at all: the partner was unreachable or too slow (OCPI_REQUEST_TIMEOUT_MS). */
export class OcpiTransportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OcpiTransportError';
  }
}

/**
 * Calls a partner's OCPI API: the Authorization header as the partner takes it, a fresh X-Request-ID,
 * the X-Correlation-ID (new or carried on), the routing headers, a timeout; every exchange goes to the
 * OCPI message log.
 */
@Injectable()
export class OcpiClient {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly log: OcpiMessageLog,
    private readonly outbound: OutboundHttp,
  ) {}

  async request(call: OcpiCall): Promise<OcpiReply> {
    const requestId = randomUUID();
    const correlationId = call.correlationId ?? randomUUID();
    const body = call.body === undefined ? undefined : JSON.stringify(call.body);
    const headers: Record<string, string> = {
      Authorization: authorizationHeader(call.token, call.encoding, call.version),
      [X_REQUEST_ID]: requestId,
      [X_CORRELATION_ID]: correlationId,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(call.routing ? routingRequestHeaders(call.routing.from, call.routing.to) : {}),
    };
    const started = performance.now();
    const entry = {
      tenantId: call.tenantId,
      partnerId: call.partnerId,
      direction: 'out',
      method: call.method,
      url: call.url,
      module: call.module,
      requestId,
      correlationId,
      requestBytes: body ? Buffer.byteLength(body) : 0,
    };
    let response: Response;
    let text: string;
    try {
      response = await this.outbound.fetch(call.url, {
        method: call.method,
        headers,
        body,
        redirect: 'follow',
        signal: AbortSignal.timeout(call.timeoutMs ?? this.config.OCPI_REQUEST_TIMEOUT_MS),
      });
      text = await response.text();
    } catch (error) {
      const message = describeFetchError(error);
      this.log.record({ ...entry, error: message, latencyMs: elapsed(started), at: new Date() });
      throw new OcpiTransportError(`${call.method} ${call.url}: ${message}`);
    }
    const ocpi = parseOcpi(text);
    this.log.record({
      ...entry,
      httpStatus: response.status,
      ocpiStatus: ocpi?.status_code,
      statusMessage: ocpi?.status_message,
      responseBytes: Buffer.byteLength(text),
      latencyMs: elapsed(started),
      at: new Date(),
    });
    return { httpStatus: response.status, headers: response.headers, ocpi, text };
  }
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

function parseOcpi(text: string): OcpiResponse | undefined {
  try {
    const body: unknown = JSON.parse(text);
    return isOcpiResponse(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no answer within the timeout';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/** A short description of a reply that is not the success expected, for errors and reports. */
export function describeReply(reply: OcpiReply): string {
  if (reply.ocpi) {
    const message = reply.ocpi.status_message ? ` ${reply.ocpi.status_message}` : '';
    return `HTTP ${reply.httpStatus}, OCPI ${reply.ocpi.status_code}${message}`;
  }
  return `HTTP ${reply.httpStatus}${reply.text ? `: ${reply.text.slice(0, 200)}` : ''}`;
}
