import { AddressInfo } from 'node:net';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';

/** What the local meter answers and what it saw. */
export interface MeterServer {
  url: string;
  /** The JSON the meter serves now. */
  reading: unknown;
  tokensIssued: number;
  meterCalls: number;
  close(): Promise<void>;
}

export const CLIENT_ID = 'voltgrid';
export const CLIENT_SECRET = 's3cret-client';
export const API_KEY = 'meter-api-key-42';

/**
 * A small local energy meter: an OAuth2 client-credentials token endpoint (`POST /oauth/token`,
 * client id and secret in HTTP Basic), a meter guarded by the token (`GET /meter`), and one guarded
 * by an API key header (`GET /keyed-meter`, `X-Meter-Key`).
 */
export async function startMeterServer(): Promise<MeterServer> {
  const tokens = new Set<string>();
  const state = { reading: {} as unknown, tokensIssued: 0, meterCalls: 0 };
  const json = (response: ServerResponse, status: number, body: unknown): void => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/oauth/token') {
        const expected = `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`;
        if (request.headers.authorization !== expected || !body.includes('grant_type=client_credentials')) {
          return json(response, 401, { error: 'invalid_client' });
        }
        const token = `token-${++state.tokensIssued}`;
        tokens.add(token);
        return json(response, 200, { access_token: token, token_type: 'Bearer', expires_in: 3600 });
      }
      if (request.url === '/meter') {
        const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
        if (!token || !tokens.has(token)) return json(response, 401, { error: 'invalid_token' });
        state.meterCalls++;
        return json(response, 200, state.reading);
      }
      if (request.url === '/keyed-meter') {
        if (request.headers['x-meter-key'] !== API_KEY) return json(response, 403, { error: 'forbidden' });
        state.meterCalls++;
        return json(response, 200, state.reading);
      }
      json(response, 404, { error: 'not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
