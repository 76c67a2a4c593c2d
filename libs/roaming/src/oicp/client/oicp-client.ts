import { OutboundHttp, TenantId } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { OcpiMessageLog } from '../../ocpi/log/ocpi-message-log';
import { OicpOpenApi, OicpOperationName, OicpSchemaViolation } from '../protocol/oicp-openapi';
import { OicpConnection } from '../settings/oicp-connection';
import { postJson } from './oicp-http';

/** What Hubject answered: its HTTP status and, for a 200, the body (checked against the OpenAPI). */
export type OicpAnswer<T> =
  | { kind: 'answered'; httpStatus: number; body: T }
  /** Hubject answered with an error status (a 400 for a malformed body, a 5xx when it failed). */
  | { kind: 'http-error'; httpStatus: number; reason: string }
  /** No answer: network, TLS (a certificate refused either way) or a timeout. */
  | { kind: 'unreachable'; reason: string };

/**
 * Calls Hubject's CPO operations at the paths of the OICP 2.3 OpenAPI. Every request is checked
 * against the OpenAPI before it leaves (a violation is our bug: thrown, nothing is sent), every 200
 * answer after it arrives (a violation is an http-error), and every exchange goes to the roaming log.
 */
@Injectable()
export class OicpClient {
  private readonly openApi = OicpOpenApi.get();

  constructor(
    private readonly log: OcpiMessageLog,
    private readonly outbound: OutboundHttp,
  ) {}

  async call<T>(
    tenantId: TenantId,
    connection: OicpConnection,
    operation: OicpOperationName,
    body: object,
  ): Promise<OicpAnswer<T>> {
    this.openApi.checkRequest(operation, body);
    const url = this.urlOf(connection, operation);
    const payload = JSON.stringify(body);
    const started = Date.now();
    const entry = {
      tenantId,
      partnerId: connection.partnerId,
      direction: 'out',
      method: 'POST',
      url: url.toString(),
      module: `oicp:${operation}`,
      requestBytes: Buffer.byteLength(payload),
    };
    let answer: OicpAnswer<T>;
    let responseBytes: number | undefined;
    try {
      const { status, text } = await postJson(
        url,
        payload,
        connection.identity,
        this.outbound.nodeRequestOptions(url),
      );
      responseBytes = Buffer.byteLength(text);
      answer = this.read<T>(operation, status, text);
    } catch (error) {
      answer = { kind: 'unreachable', reason: error instanceof Error ? error.message : String(error) };
    }
    const result = answer.kind === 'answered' ? statusOf(answer.body) : undefined;
    this.log.record({
      ...entry,
      ...(answer.kind !== 'unreachable' ? { httpStatus: answer.httpStatus } : {}),
      ...(result ? { statusMessage: result } : {}),
      ...(answer.kind !== 'answered' ? { error: answer.reason } : {}),
      ...(responseBytes !== undefined ? { responseBytes } : {}),
      latencyMs: Date.now() - started,
      at: new Date(),
    });
    return answer;
  }

  private urlOf(connection: OicpConnection, operation: OicpOperationName): URL {
    const path = this.openApi
      .operation(operation)
      .path.replace('{operatorID}', encodeURIComponent(connection.operatorId));
    return new URL(connection.baseUrl.replace(/\/+$/, '') + path);
  }

  private read<T>(operation: OicpOperationName, status: number, text: string): OicpAnswer<T> {
    if (status !== 200)
      return { kind: 'http-error', httpStatus: status, reason: `HTTP ${status}: ${text.slice(0, 300)}` };
    try {
      const body = JSON.parse(text) as T;
      this.openApi.checkResponse(operation, body);
      return { kind: 'answered', httpStatus: status, body };
    } catch (error) {
      const reason =
        error instanceof OicpSchemaViolation
          ? `Hubject's answer breaks the OpenAPI: ${error.message}`
          : 'Not JSON';
      return { kind: 'http-error', httpStatus: status, reason };
    }
  }
}

/** `Result`/`StatusCode` of an acknowledgement or authorization answer, for the log: e.g. `true 000`. */
function statusOf(body: unknown): string | undefined {
  const answer = body as {
    Result?: boolean;
    AuthorizationStatus?: string;
    StatusCode?: { Code?: string; Description?: string };
  };
  const verdict =
    answer.AuthorizationStatus ?? (answer.Result === undefined ? undefined : String(answer.Result));
  const code = answer.StatusCode?.Code;
  return [verdict, code, answer.StatusCode?.Description].filter(Boolean).join(' ') || undefined;
}
