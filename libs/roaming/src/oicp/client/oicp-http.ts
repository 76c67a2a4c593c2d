import * as http from 'node:http';
import * as https from 'node:https';
import { OicpClientIdentity } from '../settings/oicp-settings';

export interface OicpHttpAnswer {
  status: number;
  text: string;
}

/** Hubject's best practice is a round trip under 10 seconds; we wait a little longer, then give up. */
export const OICP_TIMEOUT_MS = 15_000;

/**
 * One JSON POST to Hubject. Over https the tenant's client certificate and key are presented and the
 * server's certificate must chain to the tenant's Hubject CA (or, without one, to the system's roots):
 * verification is never switched off. Plain http carries no identity (a simulator on loopback).
 * `connection` guards where it may connect (OutboundHttp's `nodeRequestOptions`).
 */
export function postJson(
  url: URL,
  body: string,
  identity: OicpClientIdentity | undefined,
  connection: Pick<https.RequestOptions, 'lookup'>,
  timeoutMs = OICP_TIMEOUT_MS,
): Promise<OicpHttpAnswer> {
  return new Promise((resolve, reject) => {
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json',
      'content-length': Buffer.byteLength(body),
    };
    const onResponse = (response: http.IncomingMessage): void => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
      response.on('error', reject);
    };
    const request =
      url.protocol === 'https:'
        ? https.request(
            url,
            {
              ...connection,
              method: 'POST',
              headers,
              cert: identity?.cert,
              key: identity?.key,
              ...(identity?.ca ? { ca: identity.ca } : {}),
              rejectUnauthorized: true,
              // A fresh TLS session per tenant identity: no pooled socket carries another tenant's certificate.
              agent: false,
            },
            onResponse,
          )
        : http.request(url, { ...connection, method: 'POST', headers }, onResponse);
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`No answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}
