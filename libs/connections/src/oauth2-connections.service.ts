import {
  APP_CONFIG,
  AppConfig,
  OutboundHttp,
  SecretCipher,
  TenantId,
  asTenantId,
  publicBaseUrl,
} from '@csms/common';
import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { ConnectionProviders } from './connection-providers';
import {
  authorizationUrl,
  clientCredentialsTokens,
  exchangeCode,
  refreshTokens,
} from './oauth2/oauth2-client';
import { OAuth2GrantRefused, OAuth2Provider, OAuth2Tokens } from './oauth2/oauth2-provider';
import { OAuth2StateRepository } from './oauth2/oauth2-state.repository';
import { NotConnectedError, UserConnection } from './user-connection';
import { UserConnectionRepository } from './user-connection.repository';

/** The path of the redirect URI every kind of connection shares (register it at the service). */
export const OAUTH2_CALLBACK_PATH = '/connections/oauth2/callback';
/** How long the user has to grant access once the authorization URL is handed out. */
const AUTHORIZATION_TTL_MS = 10 * 60_000;
/** An access token this close to its end is refreshed before use. */
const EXPIRY_MARGIN_MS = 60_000;

/** The callback's state is unknown, used already or expired. */
export class AuthorizationExpiredError extends Error {}

/** A service answered 401 to an access token: it is refreshed once and the call tried again. */
export class AccessTokenRejected extends Error {}

export interface AuthorizationStart {
  url: string;
  expiresAt: Date;
}

/**
 * Per-user OAuth2 connections (authorization-code flow with a single-use state, code exchange,
 * refresh), the tokens sealed with SecretCipher. Modules name their kind and register where its
 * authorization server is (ConnectionProviders); the callback is shared.
 */
@Injectable()
export class OAuth2Connections {
  /** One refresh per connection at a time on this instance: rotated refresh tokens are used once. */
  private readonly refreshing = new Map<string, Promise<string>>();
  /**
   * Client-credentials tokens by tenant, kind and client: kept in memory only (a new one costs one
   * request), one request per key at a time.
   */
  private readonly clientTokens = new Map<string, Promise<OAuth2Tokens>>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly http: HttpAdapterHost,
    private readonly providers: ConnectionProviders,
    private readonly states: OAuth2StateRepository,
    private readonly connections: UserConnectionRepository,
    private readonly cipher: SecretCipher,
    private readonly outbound: OutboundHttp,
  ) {}

  /** The URL to send the user's browser to; its state is good for ten minutes, once. */
  async start(tenantId: TenantId, userId: string, kind: string): Promise<AuthorizationStart> {
    const provider = await this.providers.provider(tenantId, kind);
    const state = randomBytes(32).toString('base64url');
    const redirectUri = `${publicBaseUrl(this.config, this.http.httpAdapter?.getHttpServer() as Server | undefined)}${OAUTH2_CALLBACK_PATH}`;
    const expiresAt = new Date(Date.now() + AUTHORIZATION_TTL_MS);
    await this.states.add(state, { tenantId, userId, kind, redirectUri, expiresAt });
    return { url: authorizationUrl(provider, redirectUri, state), expiresAt };
  }

  /** The callback: exchanges the code of a known state and stores the user's tokens. */
  async complete(state: string, code: string): Promise<UserConnection> {
    const pending = await this.states.take(state);
    if (!pending)
      throw new AuthorizationExpiredError('This authorization is unknown, used already or expired');
    const tenantId = asTenantId(pending.tenantId);
    const provider = await this.providers.provider(tenantId, pending.kind);
    const tokens = await exchangeCode(this.outbound, provider, code, pending.redirectUri);
    return this.connections.connect(tenantId, {
      userId: pending.userId,
      kind: pending.kind,
      ...this.sealed(tokens),
      extras: tokens.extras,
      connectedAt: new Date(),
    });
  }

  /** The callback's state, taken so that it cannot be used again (the user declined). */
  async abandon(state: string): Promise<void> {
    await this.states.take(state);
  }

  find(tenantId: TenantId, userId: string, kind: string): Promise<UserConnection | null> {
    return this.connections.find(tenantId, userId, kind);
  }

  disconnect(tenantId: TenantId, userId: string, kind: string): Promise<boolean> {
    return this.connections.remove(tenantId, userId, kind);
  }

  /**
   * Runs `call` with a valid access token, refreshed first when it is about to expire, and once
   * more when the service rejects it (AccessTokenRejected). NotConnectedError when the user must
   * connect (again); other errors are the service's or the network's.
   */
  async withAccessToken<T>(
    tenantId: TenantId,
    userId: string,
    kind: string,
    call: (accessToken: string, connection: UserConnection) => Promise<T>,
  ): Promise<T> {
    const connection = await this.usable(tenantId, userId, kind);
    const fresh = !connection.expiresAt || connection.expiresAt.getTime() - Date.now() > EXPIRY_MARGIN_MS;
    const token = fresh ? this.cipher.decrypt(connection.accessTokenSealed) : await this.refresh(connection);
    try {
      return await call(token, connection);
    } catch (error) {
      if (!(error instanceof AccessTokenRejected)) throw error;
      return call(await this.refresh(connection), connection);
    }
  }

  /**
   * Runs `call` with the client's own access token of the tenant's `kind` (client-credentials
   * grant, no user involved): fetched when there is none or it is about to expire, and fetched
   * again once when the service rejects it (AccessTokenRejected). A refused grant is
   * OAuth2GrantRefused (the tenant's settings are wrong); other errors are transient.
   */
  async withClientToken<T>(
    tenantId: TenantId,
    kind: string,
    call: (accessToken: string) => Promise<T>,
  ): Promise<T> {
    const provider = await this.providers.provider(tenantId, kind);
    const key = `${tenantId}|${kind}|${provider.tokenUrl}|${provider.clientId}`;
    const tokens = await this.clientToken(key, provider, false);
    try {
      return await call(tokens.accessToken);
    } catch (error) {
      if (!(error instanceof AccessTokenRejected)) throw error;
      return call((await this.clientToken(key, provider, true)).accessToken);
    }
  }

  private async clientToken(key: string, provider: OAuth2Provider, rejected: boolean): Promise<OAuth2Tokens> {
    const cached = this.clientTokens.get(key);
    if (cached && !rejected) {
      const tokens = await cached.catch(() => null);
      if (tokens && (!tokens.expiresAt || tokens.expiresAt.getTime() - Date.now() > EXPIRY_MARGIN_MS))
        return tokens;
    }
    // A request for a new token may have started meanwhile (another call saw the same rejection).
    const current = this.clientTokens.get(key);
    if (current && current !== cached) return current;
    const request = clientCredentialsTokens(this.outbound, provider);
    this.clientTokens.set(key, request);
    request.catch(() => {
      if (this.clientTokens.get(key) === request) this.clientTokens.delete(key);
    });
    return request;
  }

  private async usable(tenantId: TenantId, userId: string, kind: string): Promise<UserConnection> {
    const connection = await this.connections.find(tenantId, userId, kind);
    if (!connection) throw new NotConnectedError(`No ${kind} account is connected`);
    if (connection.brokenReason) {
      throw new NotConnectedError(`The ${kind} connection must be renewed: ${connection.brokenReason}`);
    }
    return connection;
  }

  private refresh(connection: UserConnection): Promise<string> {
    const key = `${connection.tenantId}|${connection.userId}|${connection.kind}`;
    const running = this.refreshing.get(key);
    if (running) return running;
    const refresh = this.refreshNow(connection).finally(() => this.refreshing.delete(key));
    this.refreshing.set(key, refresh);
    return refresh;
  }

  private async refreshNow(connection: UserConnection): Promise<string> {
    const tenantId = asTenantId(connection.tenantId);
    const { userId, kind } = connection;
    if (!connection.refreshTokenSealed) {
      await this.connections.markBroken(tenantId, userId, kind, 'the access token expired');
      throw new NotConnectedError(`The ${kind} access token expired and cannot be refreshed`);
    }
    // Read again: another instance may have rotated the refresh token meanwhile.
    const current = (await this.connections.find(tenantId, userId, kind)) ?? connection;
    const provider = await this.providers.provider(tenantId, kind);
    try {
      const tokens = await refreshTokens(
        this.outbound,
        provider,
        this.cipher.decrypt(current.refreshTokenSealed!),
      );
      await this.connections.refreshed(tenantId, userId, kind, this.sealed(tokens));
      return tokens.accessToken;
    } catch (error) {
      if (!(error instanceof OAuth2GrantRefused)) throw error;
      await this.connections.markBroken(tenantId, userId, kind, error.message);
      throw new NotConnectedError(`The ${kind} service refused to refresh the connection: ${error.message}`);
    }
  }

  private sealed(
    tokens: OAuth2Tokens,
  ): Pick<UserConnection, 'accessTokenSealed' | 'refreshTokenSealed' | 'expiresAt'> {
    return {
      accessTokenSealed: this.cipher.encrypt(tokens.accessToken),
      refreshTokenSealed: tokens.refreshToken ? this.cipher.encrypt(tokens.refreshToken) : undefined,
      expiresAt: tokens.expiresAt,
    };
  }
}
