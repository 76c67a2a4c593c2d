import { ConcurEntryPost } from '@csms/refunds/concur/concur-api';
import { randomBytes } from 'node:crypto';
import { IncomingMessage, Server, ServerResponse, createServer } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A local server with the shapes of SAP Concur's public APIs, for tests: the OAuth2 endpoints
 * (/oauth2/v0/authorize, /oauth2/v0/token with authorization_code and refresh_token grants, a
 * `geolocation` in the answer, `expires_in` as a string), Expense v3.0 reports, entries and
 * locations, and the v4 workflow calls an employee and an approver make (submit, approve, send back).
 * Written from Concur's developer documentation; it checks what the real one checks that matters here.
 */
export interface FakeReport {
  ID: string;
  Name: string;
  PolicyID?: string;
  CurrencyCode?: string;
  OwnerLoginID: string;
  ApprovalStatusCode: string;
  ApprovalStatusName: string;
  entries: FakeEntry[];
}

/** An entry as posted (Concur's v3 shape), with the ID the fake gave it. */
export type FakeEntry = ConcurEntryPost & { ID: string };

interface Grant {
  login: string;
  redirectUri: string;
}

interface AccessToken {
  login: string;
  expiresAt: number;
}

const STATUS_NAMES: Record<string, string> = {
  A_NOTF: 'Not Submitted',
  A_PEND: 'Pending Approval',
  A_APPR: 'Approved',
  A_RESU: 'Sent Back to Employee',
};

const LOCATIONS = [
  { ID: 'gWnA$pZ7Lyon', Name: 'Lyon, Auvergne-Rhône-Alpes', City: 'Lyon', CountryCode: 'FR' },
  { ID: 'gWnA$pZ7Paris', Name: 'Paris, Île-de-France', City: 'Paris', CountryCode: 'FR' },
];

export class FakeConcur {
  readonly clientId = 'c0ffee00-0000-4000-8000-000000000001';
  readonly clientSecret = 'fake-concur-client-secret-1234';
  /** Who consents at /authorize next (the employee logged in to Concur in the browser). */
  login = 'driver@corp.example';
  /** Lifetime of the access tokens issued (Concur's is an hour). */
  accessTokenSeconds = 3600;
  /** While true, every /api and /expensereports call answers 503 (Concur is down). */
  down = false;
  /** The API address the token answers name (`geolocation`): this server's own unless set. */
  geolocation?: string;

  readonly reports = new Map<string, FakeReport>();
  readonly grants: string[] = [];
  readonly apiFailures: string[] = [];
  /** API calls answered 401 (an expired or revoked access token). */
  rejectedTokens = 0;
  private readonly codes = new Map<string, Grant>();
  private readonly accessTokens = new Map<string, AccessToken>();
  private readonly refreshTokens = new Map<string, string>();
  private server?: Server;
  private sequence = 0;
  baseUrl = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.route(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }

  /** Revokes every access token issued so far (the API answers 401 to them). */
  revokeAccessTokens(): void {
    this.accessTokens.clear();
  }

  /** The employee deletes the report in Concur. */
  deleteReport(id: string): boolean {
    return this.reports.delete(id);
  }

  reportsOf(login: string): FakeReport[] {
    return [...this.reports.values()].filter((report) => report.OwnerLoginID === login);
  }

  /** The employee submits the report in Concur, then the approver decides (v4 workflow calls). */
  async workflow(reportId: string, action: 'submit' | 'approve' | 'sendBack'): Promise<number> {
    const path =
      action === 'submit'
        ? `/expensereports/v4/users/me/context/TRAVELER/reports/${reportId}/submit`
        : `/expensereports/v4/reports/${reportId}/${action}`;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${this.issueAccessToken('approver@corp.example')}` },
      body: JSON.stringify({ comment: action === 'sendBack' ? 'Not a business trip' : 'OK' }),
    });
    return response.status;
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    const body = await readBody(request);
    if (url.pathname === '/oauth2/v0/authorize' && request.method === 'GET')
      return this.authorize(url, response);
    if (url.pathname === '/oauth2/v0/token' && request.method === 'POST')
      return this.token(body, request, response);
    if (this.down) {
      this.apiFailures.push(`${request.method} ${url.pathname}`);
      return json(response, 503, { Message: 'Service Unavailable' });
    }
    const login = this.bearer(request);
    if (!login) {
      this.rejectedTokens += 1;
      return json(response, 401, { Message: 'Invalid or expired token' });
    }
    const parts = url.pathname.split('/').filter(Boolean);
    if (url.pathname === '/api/v3.0/expense/reports' && request.method === 'POST') {
      return this.createReport(login, body, response);
    }
    if (url.pathname === '/api/v3.0/expense/entries' && request.method === 'POST') {
      return this.createEntry(login, body, response);
    }
    if (
      parts.length === 5 &&
      url.pathname.startsWith('/api/v3.0/expense/reports/') &&
      request.method === 'GET'
    ) {
      const report = this.reports.get(decodeURIComponent(parts[4]));
      if (!report || report.OwnerLoginID !== login)
        return json(response, 404, { Message: 'Report not found' });
      return json(response, 200, present(report, this.baseUrl));
    }
    if (url.pathname === '/api/v3.0/common/locations' && request.method === 'GET') {
      const city = url.searchParams.get('city')?.toLowerCase();
      return json(response, 200, {
        Items: LOCATIONS.filter((location) => location.City.toLowerCase() === city),
      });
    }
    if (parts[0] === 'expensereports' && request.method === 'PATCH')
      return this.workflowStep(parts, response);
    json(response, 404, { Message: 'Not found' });
  }

  private authorize(url: URL, response: ServerResponse): void {
    const redirectUri = url.searchParams.get('redirect_uri');
    const state = url.searchParams.get('state');
    if (url.searchParams.get('client_id') !== this.clientId || !redirectUri || !state) {
      return json(response, 400, { error: 'invalid_request' });
    }
    if (url.searchParams.get('response_type') !== 'code')
      return json(response, 400, { error: 'unsupported_response_type' });
    const code = randomBytes(12).toString('hex');
    this.codes.set(code, { login: this.login, redirectUri });
    const back = new URL(redirectUri);
    back.searchParams.set('code', code);
    back.searchParams.set('state', state);
    response.writeHead(302, { location: back.toString() }).end();
  }

  private token(body: string, request: IncomingMessage, response: ServerResponse): void {
    if (!String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded')) {
      return json(response, 400, { error: 'invalid_request' });
    }
    const form = new URLSearchParams(body);
    if (form.get('client_id') !== this.clientId || form.get('client_secret') !== this.clientSecret) {
      return json(response, 401, { error: 'invalid_client' });
    }
    const grantType = form.get('grant_type') ?? '';
    this.grants.push(grantType);
    let login: string | undefined;
    if (grantType === 'authorization_code') {
      const grant = this.codes.get(form.get('code') ?? '');
      this.codes.delete(form.get('code') ?? '');
      if (!grant || grant.redirectUri !== form.get('redirect_uri'))
        return json(response, 400, { error: 'invalid_grant' });
      login = grant.login;
    } else if (grantType === 'refresh_token') {
      // Rotated: a refresh token works once.
      login = this.refreshTokens.get(form.get('refresh_token') ?? '');
      this.refreshTokens.delete(form.get('refresh_token') ?? '');
      if (!login) return json(response, 400, { error: 'invalid_grant' });
    } else {
      return json(response, 400, { error: 'unsupported_grant_type' });
    }
    const refreshToken = randomBytes(16).toString('hex');
    this.refreshTokens.set(refreshToken, login);
    json(response, 200, {
      expires_in: String(this.accessTokenSeconds),
      scope: form.get('scope') ?? 'EXPRPT',
      token_type: 'Bearer',
      access_token: this.issueAccessToken(login),
      refresh_token: refreshToken,
      refresh_expires_in: String(Math.floor(Date.now() / 1000) + 180 * 86_400),
      id_token: 'eyJhbGciOiJub25lIn0.e30.',
      geolocation: this.geolocation ?? this.baseUrl,
    });
  }

  private issueAccessToken(login: string): string {
    const token = randomBytes(16).toString('hex');
    this.accessTokens.set(token, { login, expiresAt: Date.now() + this.accessTokenSeconds * 1000 });
    return token;
  }

  private bearer(request: IncomingMessage): string | undefined {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const access = token ? this.accessTokens.get(token) : undefined;
    return access && access.expiresAt > Date.now() ? access.login : undefined;
  }

  private createReport(login: string, body: string, response: ServerResponse): void {
    const post = parse(body);
    if (typeof post.Name !== 'string' || !post.Name || post.Name.length > 40) {
      return json(response, 400, { Message: 'Name is required (40 characters at most)' });
    }
    const id = `gWr${++this.sequence}Rpt${randomBytes(4).toString('hex')}`;
    this.reports.set(id, {
      ID: id,
      Name: post.Name,
      PolicyID: typeof post.PolicyID === 'string' ? post.PolicyID : undefined,
      CurrencyCode: typeof post.CurrencyCode === 'string' ? post.CurrencyCode : undefined,
      OwnerLoginID: login,
      ApprovalStatusCode: 'A_NOTF',
      ApprovalStatusName: STATUS_NAMES.A_NOTF,
      entries: [],
    });
    json(response, 200, { ID: id, URI: `${this.baseUrl}/api/v3.0/expense/reports/${id}` });
  }

  private createEntry(login: string, body: string, response: ServerResponse): void {
    const post = parse(body);
    const report = typeof post.ReportID === 'string' ? this.reports.get(post.ReportID) : undefined;
    if (!report || report.OwnerLoginID !== login) return json(response, 400, { Message: 'Invalid ReportID' });
    const required = ['ExpenseTypeCode', 'PaymentTypeID', 'TransactionCurrencyCode'];
    const missing = required.filter((field) => typeof post[field] !== 'string' || !post[field]);
    if (missing.length) return json(response, 400, { Message: `Missing ${missing.join(', ')}` });
    if (typeof post.TransactionDate !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(post.TransactionDate)) {
      return json(response, 400, { Message: 'TransactionDate must be a date' });
    }
    if (typeof post.TransactionAmount !== 'number') {
      return json(response, 400, { Message: 'TransactionAmount must be a number' });
    }
    const entry = {
      ...(post as unknown as FakeEntry),
      ID: `gWe${++this.sequence}${randomBytes(4).toString('hex')}`,
    };
    report.entries.push(entry);
    json(response, 200, { ID: entry.ID, URI: `${this.baseUrl}/api/v3.0/expense/entries/${entry.ID}` });
  }

  private workflowStep(parts: string[], response: ServerResponse): void {
    const action = parts[parts.length - 1];
    const report = this.reports.get(parts[parts.length - 2]);
    if (!report) return json(response, 404, { Message: 'Report not found' });
    const next =
      action === 'submit' && ['A_NOTF', 'A_RESU'].includes(report.ApprovalStatusCode)
        ? 'A_PEND'
        : action === 'approve' && report.ApprovalStatusCode === 'A_PEND'
          ? 'A_APPR'
          : action === 'sendBack' && report.ApprovalStatusCode === 'A_PEND'
            ? 'A_RESU'
            : undefined;
    if (!next)
      return json(response, 409, { Message: `Cannot ${action} a report in ${report.ApprovalStatusCode}` });
    report.ApprovalStatusCode = next;
    report.ApprovalStatusName = STATUS_NAMES[next];
    response.writeHead(204).end();
  }
}

function present(report: FakeReport, baseUrl: string): object {
  const { entries, ...fields } = report;
  return {
    ...fields,
    Total: Math.round(entries.reduce((sum, entry) => sum + entry.TransactionAmount, 0) * 100) / 100,
    PaymentStatusCode: report.ApprovalStatusCode === 'A_APPR' ? 'P_PROC' : 'P_NOTP',
    URI: `${baseUrl}/api/v3.0/expense/reports/${report.ID}`,
  };
}

function parse(body: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function json(response: ServerResponse, status: number, body: object): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
