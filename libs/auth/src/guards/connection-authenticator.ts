import { Injectable } from '@nestjs/common';
import { ApiKeyAuthenticator } from '../api-keys/api-key.authenticator';
import { ApiKeyConnections, ClosableSocket } from '../api-keys/api-key-connections';
import { looksLikeApiKey } from '../api-keys/api-key-secret';
import { TokenService } from '../jwt/token.service';
import { bearerTokenOf } from './bearer-token';

/**
 * Whether a graphql-ws connection may open (its `connectionParams.authorization`): a valid JWT, or
 * an active API key, whose connection is then closed when the key is revoked or expires. Each
 * operation on it still goes through the guards.
 */
@Injectable()
export class ConnectionAuthenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeyAuthenticator,
    private readonly connections: ApiKeyConnections,
  ) {}

  async accept(authorization: unknown, socket: ClosableSocket, ip?: string): Promise<boolean> {
    const token = bearerTokenOf(authorization);
    if (!token) return false;
    if (!looksLikeApiKey(token)) return (await this.tokens.verify(token)) !== null;
    const authentication = await this.apiKeys.authenticate(token, ip);
    if (authentication.refusal !== undefined) return false;
    this.connections.track(authentication.key, socket);
    return true;
  }
}
