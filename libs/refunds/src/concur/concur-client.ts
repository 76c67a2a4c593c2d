import { OutboundFetch } from '@csms/common';
import { AccessTokenRejected } from '@csms/connections';
import {
  ConcurCreated,
  ConcurEntryPost,
  ConcurLocations,
  ConcurReport,
  ConcurReportPost,
} from './concur-api';

const REQUEST_TIMEOUT_MS = 20_000;

/** Concur refused a request for good (4xx other than 401): retrying the same request cannot help. */
export class ConcurRefusal extends Error {}

/** The report is gone (deleted by its owner, or never there): 404. */
export class ConcurNotFound extends Error {}

/**
 * Calls to Concur's Expense API v3.0 with one user's access token. 401 throws AccessTokenRejected
 * (the token is refreshed and the call tried again); 5xx and network errors are transient.
 */
export class ConcurClient {
  constructor(
    private readonly http: OutboundFetch,
    private readonly baseUrl: string,
    private readonly accessToken: string,
  ) {}

  async createReport(report: ConcurReportPost): Promise<string> {
    return (await this.request<ConcurCreated>('POST', '/api/v3.0/expense/reports', report)).ID;
  }

  async createEntry(entry: ConcurEntryPost): Promise<string> {
    return (await this.request<ConcurCreated>('POST', '/api/v3.0/expense/entries', entry)).ID;
  }

  report(id: string): Promise<ConcurReport> {
    return this.request<ConcurReport>('GET', `/api/v3.0/expense/reports/${encodeURIComponent(id)}`);
  }

  /** Concur's id of a city, when it knows one of that name (the entry goes without one otherwise). */
  async locationOf(city: string): Promise<string | undefined> {
    try {
      const found = await this.request<ConcurLocations>(
        'GET',
        `/api/v3.0/common/locations?city=${encodeURIComponent(city)}`,
      );
      return found.Items?.[0]?.ID;
    } catch (error) {
      if (error instanceof ConcurNotFound || error instanceof ConcurRefusal) return undefined;
      throw error;
    }
  }

  private async request<T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> {
    const response = await this.http.fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.accessToken}`,
        accept: 'application/json',
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (response.status === 401) throw new AccessTokenRejected('Concur rejected the access token');
    if (response.status === 404) throw new ConcurNotFound(`${method} ${path}: not found`);
    if (response.status >= 400 && response.status < 500) {
      const text = (await response.text().catch(() => '')).slice(0, 300);
      throw new ConcurRefusal(`Concur refused ${method} ${path} (HTTP ${response.status}): ${text}`);
    }
    if (!response.ok) throw new Error(`Concur answered ${method} ${path} with HTTP ${response.status}`);
    return (await response.json()) as T;
  }
}
