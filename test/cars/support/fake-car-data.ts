import { randomBytes } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local car-data service with the shapes of Tronity's public platform API, for tests: OAuth2 at
 * /oauth/authorize (the driver's consent) and /authentication (tokens: authorization_code,
 * refresh_token with rotation, client_credentials for the application's own account), the vehicles
 * a token sees at /tronity/vehicles ({ data: [{ id, vin, displayName, manufacture }], count }) and a
 * vehicle's battery at /tronity/vehicles/:id/battery ({ level, range, timestamp } in ms). Written
 * from Tronity's public documentation; it takes the standard RFC 6749 form-encoded token requests.
 */
interface Vehicle {
  id: string;
  vin: string;
  /** The Tronity account that shared it with the application. */
  account: string;
  level: number;
  range: number;
  timestamp: number;
}

interface AccessToken {
  /** The account whose vehicles it sees; undefined: the application itself (client credentials). */
  account?: string;
  expiresAt: number;
}

export class FakeCarData {
  readonly clientId = 'tronity-app-client';
  readonly clientSecret = 'tronity-app-secret-9876';
  /** Who consents at /oauth/authorize next (the driver logged in to the service in the browser). */
  account = 'driver@tronity.example';
  accessTokenSeconds = 3600;
  /** While true, every /tronity call answers 503. */
  down = false;
  readonly grants: string[] = [];
  /** API calls: the account of the token, or "app", and the path. */
  readonly calls: { account: string; path: string; status: number }[] = [];
  private readonly vehicles: Vehicle[] = [];
  private readonly codes = new Map<string, { account: string; redirectUri: string }>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, string>();
  private server?: Server;
  private sequence = 0;
  baseUrl = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => response.writeHead(500).end(String(error)));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  addVehicle(account: string, vin: string, level: number): string {
    const id = `veh-${++this.sequence}`;
    this.vehicles.push({ id, vin, account, level, range: level * 4, timestamp: Date.now() });
    return id;
  }

  /** The car reports a new state of charge now. */
  setLevel(vin: string, level: number): void {
    const vehicle = this.vehicles.find((candidate) => candidate.vin === vin)!;
    vehicle.level = level;
    vehicle.range = level * 4;
    vehicle.timestamp = Date.now();
  }

  /** Every access token issued so far stops working (401): the clients must refresh. */
  revokeAccessTokens(): void {
    this.accessTokens.clear();
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    if (request.method === 'GET' && url.pathname === '/oauth/authorize') return this.authorize(url, response);
    if (request.method === 'POST' && url.pathname === '/authentication') {
      return this.token(new URLSearchParams(await body(request)), response);
    }
    if (request.method === 'GET' && url.pathname.startsWith('/tronity/'))
      return this.api(request, url, response);
    json(response, 404, { message: 'Not found' });
  }

  private authorize(url: URL, response: ServerResponse): void {
    const redirectUri = url.searchParams.get('redirect_uri');
    if (
      url.searchParams.get('client_id') !== this.clientId ||
      !redirectUri ||
      url.searchParams.get('response_type') !== 'code'
    ) {
      return json(response, 400, { error: 'invalid_request' });
    }
    const code = randomBytes(12).toString('hex');
    this.codes.set(code, { account: this.account, redirectUri });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', url.searchParams.get('state') ?? '');
    response.writeHead(302, { location: back.toString() }).end();
  }

  private token(form: URLSearchParams, response: ServerResponse): void {
    if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
      return json(response, 401, { error: 'invalid_client' });
    }
    const grant = form.get('grant_type') ?? '';
    this.grants.push(grant);
    if (grant === 'client_credentials') return json(response, 200, this.issue(undefined, false));
    if (grant === 'authorization_code') {
      const pending = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      if (!pending || pending.redirectUri !== form.get('redirect_uri'))
        return json(response, 400, { error: 'invalid_grant' });
      return json(response, 200, this.issue(pending.account, true));
    }
    if (grant === 'refresh_token') {
      const account = this.refreshTokens.get(form.get('refresh_token') ?? '');
      if (!account) return json(response, 400, { error: 'invalid_grant' });
      this.refreshTokens.delete(form.get('refresh_token')!);
      return json(response, 200, this.issue(account, true));
    }
    json(response, 400, { error: 'unsupported_grant_type' });
  }

  private issue(account: string | undefined, withRefresh: boolean): Record<string, unknown> {
    const accessToken = randomBytes(16).toString('hex');
    this.accessTokens.set(accessToken, { account, expiresAt: Date.now() + this.accessTokenSeconds * 1000 });
    const answer: Record<string, unknown> = {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: this.accessTokenSeconds,
    };
    if (withRefresh) {
      const refreshToken = randomBytes(16).toString('hex');
      this.refreshTokens.set(refreshToken, account!);
      answer.refresh_token = refreshToken;
    }
    return answer;
  }

  private api(request: IncomingMessage, url: URL, response: ServerResponse): void {
    const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const token = bearer ? this.accessTokens.get(bearer) : undefined;
    const account = token?.account ?? 'app';
    const answer = (status: number, payload: unknown) => {
      this.calls.push({ account: token ? account : 'none', path: url.pathname, status });
      json(response, status, payload);
    };
    if (this.down) return answer(503, { message: 'Service Unavailable' });
    if (!token || token.expiresAt < Date.now()) return answer(401, { message: 'Unauthorized' });
    const visible = this.vehicles.filter((vehicle) => !token.account || vehicle.account === token.account);
    if (url.pathname === '/tronity/vehicles') {
      return answer(200, {
        data: visible.map(({ id, vin }) => ({
          id,
          vin,
          displayName: `Car ${vin.slice(-4)}`,
          manufacture: 'Tesla',
        })),
        count: visible.length,
      });
    }
    const battery = /^\/tronity\/vehicles\/([^/]+)\/battery$/.exec(url.pathname);
    const vehicle = battery && visible.find((candidate) => candidate.id === battery[1]);
    if (!vehicle) return answer(404, { message: 'Vehicle not found' });
    answer(200, { level: vehicle.level, range: vehicle.range, timestamp: vehicle.timestamp });
  }
}

function body(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => resolve(text));
    request.on('error', reject);
  });
}

function json(response: ServerResponse, status: number, payload: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
}
