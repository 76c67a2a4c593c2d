import { OutboundHttp, SecretCipher } from '@csms/common';
import { Injectable } from '@nestjs/common';
import { AssetConnectorAuth } from '../models/asset-type';
import { StoredConnector } from '../schemas/asset.schema';

/** A meter that does not answer within this is given up on until the next pull. */
const REQUEST_TIMEOUT_MS = 10_000;
/** A token is renewed this long before it expires. */
const TOKEN_RENEWAL_MARGIN_MS = 30_000;
const DEFAULT_API_KEY_HEADER = 'X-API-Key';

interface CachedToken {
  accessToken: string;
  expiresAt: number;
}

/**
 * Reads a meter's JSON over HTTP(S) with the connector's authentication: none, an API key header, or
 * an OAuth2 client-credentials token (cached until shortly before it expires, fetched again after a
 * 401). Secrets are unsealed only for the request.
 */
@Injectable()
export class HttpJsonMeterClient {
  private readonly tokens = new Map<string, CachedToken>();

  constructor(
    private readonly cipher: SecretCipher,
    private readonly outbound: OutboundHttp,
  ) {}

  async fetchJson(connector: StoredConnector): Promise<unknown> {
    let response = await this.get(connector, await this.headers(connector));
    if (response.status === 401 && connector.auth === AssetConnectorAuth.OAUTH2_CLIENT_CREDENTIALS) {
      this.tokens.delete(tokenKey(connector));
      response = await this.get(connector, await this.headers(connector));
    }
    if (!response.ok) throw new Error(`The meter answered HTTP ${response.status}`);
    try {
      return await response.json();
    } catch {
      throw new Error('The meter did not answer JSON');
    }
  }

  private get(connector: StoredConnector, headers: Record<string, string>): Promise<Response> {
    return this.outbound.fetch(connector.url, {
      headers: { accept: 'application/json', ...headers },
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  }

  private async headers(connector: StoredConnector): Promise<Record<string, string>> {
    switch (connector.auth) {
      case AssetConnectorAuth.API_KEY:
        return {
          [connector.apiKeyHeader ?? DEFAULT_API_KEY_HEADER]: this.cipher.decrypt(
            connector.apiKeySealed ?? '',
          ),
        };
      case AssetConnectorAuth.OAUTH2_CLIENT_CREDENTIALS:
        return { authorization: `Bearer ${await this.token(connector)}` };
      default:
        return {};
    }
  }

  private async token(connector: StoredConnector): Promise<string> {
    const key = tokenKey(connector);
    const cached = this.tokens.get(key);
    if (cached && cached.expiresAt - TOKEN_RENEWAL_MARGIN_MS > Date.now()) return cached.accessToken;
    const body = new URLSearchParams({ grant_type: 'client_credentials' });
    if (connector.scope) body.set('scope', connector.scope);
    const credentials = Buffer.from(
      `${encodeURIComponent(connector.clientId ?? '')}:${encodeURIComponent(
        this.cipher.decrypt(connector.clientSecretSealed ?? ''),
      )}`,
    ).toString('base64');
    const response = await this.outbound.fetch(connector.tokenUrl!, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        authorization: `Basic ${credentials}`,
      },
      body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`The token endpoint answered HTTP ${response.status}`);
    const answer = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
    if (typeof answer.access_token !== 'string') throw new Error('The token endpoint gave no access_token');
    const lifetimeS = typeof answer.expires_in === 'number' ? answer.expires_in : 3600;
    this.tokens.set(key, { accessToken: answer.access_token, expiresAt: Date.now() + lifetimeS * 1000 });
    return answer.access_token;
  }
}

function tokenKey(connector: StoredConnector): string {
  return `${connector.tokenUrl}\u0000${connector.clientId}\u0000${connector.scope ?? ''}`;
}
