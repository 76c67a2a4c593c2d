import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { authorizationUrl, clientCredentialsTokens, refreshTokens } from './oauth2-client';
import { OAuth2GrantRefused, OAuth2Provider } from './oauth2-provider';

/** The token endpoints here are loopback test servers: plain fetch, no outbound guard. */
const GLOBAL_FETCH = { fetch };

describe('OAuth2 client', () => {
  const provider = (tokenUrl = 'https://auth.example/token'): OAuth2Provider => ({
    authorizeUrl: 'https://auth.example/authorize?tenant=acme',
    tokenUrl,
    clientId: 'client',
    clientSecret: 'secret',
    scope: 'EXPRPT openid',
  });

  it('builds the authorization URL of the code flow, keeping the server’s own parameters', () => {
    const url = new URL(authorizationUrl(provider(), 'https://csms.example/cb', 'state-1'));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: 'acme',
      response_type: 'code',
      client_id: 'client',
      redirect_uri: 'https://csms.example/cb',
      state: 'state-1',
      scope: 'EXPRPT openid',
    });
  });

  it('reads string lifetimes and extras, and tells a refused grant from a server error', async () => {
    const answers = [
      [
        200,
        {
          access_token: 'a2',
          expires_in: '3600',
          token_type: 'Bearer',
          geolocation: 'https://eu',
          id_token: 'jwt',
        },
      ],
      [400, { error: 'invalid_grant', error_description: 'refresh token revoked' }],
      [503, {}],
    ] as const;
    const bodies: string[] = [];
    let call = 0;
    const server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        bodies.push(body);
        const [status, answer] = answers[call++];
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
    try {
      const tokens = await refreshTokens(GLOBAL_FETCH, provider(url), 'r1');
      expect(tokens.accessToken).toBe('a2');
      expect(tokens.refreshToken).toBeUndefined();
      expect(tokens.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 3_500_000);
      expect(tokens.extras).toEqual({ geolocation: 'https://eu' });
      expect(Object.fromEntries(new URLSearchParams(bodies[0]))).toEqual({
        grant_type: 'refresh_token',
        refresh_token: 'r1',
        client_id: 'client',
        client_secret: 'secret',
      });
      await expect(refreshTokens(GLOBAL_FETCH, provider(url), 'r1')).rejects.toBeInstanceOf(
        OAuth2GrantRefused,
      );
      const transient = await refreshTokens(GLOBAL_FETCH, provider(url), 'r1').catch(
        (error: unknown) => error,
      );
      expect(transient).toBeInstanceOf(Error);
      expect(transient).not.toBeInstanceOf(OAuth2GrantRefused);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('asks for the client’s own token with the client-credentials grant and the scope', async () => {
    let body = '';
    const server = createServer((request, response) => {
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () =>
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ access_token: 'app-token', token_type: 'bearer', expires_in: 600 })),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`;
    try {
      const tokens = await clientCredentialsTokens(GLOBAL_FETCH, provider(url));
      expect(tokens.accessToken).toBe('app-token');
      expect(tokens.refreshToken).toBeUndefined();
      expect(Object.fromEntries(new URLSearchParams(body))).toEqual({
        grant_type: 'client_credentials',
        scope: 'EXPRPT openid',
        client_id: 'client',
        client_secret: 'secret',
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
