import { Agent, request as httpsRequest } from 'node:https';
import { ADMIN } from './test-app';

export interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

/** A tiny GraphQL-over-HTTP client for tests: real HTTP, no mocks. */
export class GraphQLClient {
  /** `ca`: the server speaks HTTPS with a certificate of this CA (fetch cannot be given one). */
  constructor(
    readonly httpUrl: string,
    private token?: string,
    private readonly ca?: Buffer,
  ) {}

  get bearer(): string | undefined {
    return this.token ? `Bearer ${this.token}` : undefined;
  }

  async request<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphQLResponse<T>> {
    const headers = {
      'content-type': 'application/json',
      ...(this.token ? { authorization: this.bearer } : {}),
    };
    const body = JSON.stringify({ query, variables });
    if (this.ca) {
      return JSON.parse(
        await postOverTls(`${this.httpUrl}/graphql`, this.ca, headers, body),
      ) as GraphQLResponse<T>;
    }
    const response = await fetch(`${this.httpUrl}/graphql`, { method: 'POST', headers, body });
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** The data of a query that must succeed; throws with the errors otherwise. */
  async data<T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  /** The extensions.code of the first error of a query that must fail. */
  async errorCode(query: string, variables: Record<string, unknown> = {}): Promise<string | undefined> {
    const result = await this.request(query, variables);
    if (!result.errors?.length) throw new Error(`Expected an error, got ${JSON.stringify(result.data)}`);
    return result.errors[0].extensions?.code;
  }

  async login(email: string, password: string, tenant?: string): Promise<GraphQLClient> {
    const { login } = await new GraphQLClient(this.httpUrl, undefined, this.ca).data<{
      login: { token: string };
    }>(
      'mutation($email: String!, $password: String!, $tenant: String) { login(email: $email, password: $password, tenant: $tenant) { token } }',
      { email, password, tenant },
    );
    return new GraphQLClient(this.httpUrl, login.token, this.ca);
  }
}

/** One kept-alive agent per CA: a TLS handshake per request would dominate a suite's time. */
const agents = new Map<Buffer, Agent>();

function postOverTls(
  url: string,
  ca: Buffer,
  headers: Record<string, string>,
  body: string,
): Promise<string> {
  let agent = agents.get(ca);
  if (!agent) {
    agent = new Agent({ ca, keepAlive: true });
    agents.set(ca, agent);
  }
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method: 'POST', agent, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A client logged in as the first super admin of tenant `default`. */
export function loginAsAdmin(httpUrl: string, ca?: Buffer): Promise<GraphQLClient> {
  return new GraphQLClient(httpUrl, undefined, ca).login(ADMIN.email, ADMIN.password);
}
