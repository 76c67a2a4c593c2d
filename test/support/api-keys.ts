import { GraphQLClient } from './graphql-client';

export interface CreatedApiKey {
  id: string;
  prefix: string;
  secret: string;
  /** A client sending the secret as its bearer token. */
  client: GraphQLClient;
}

export interface ApiKeyInput {
  name?: string;
  role: 'SUPER_ADMIN' | 'ADMIN' | 'BASIC' | 'DEMO';
  expiresInDays?: number;
  siteAdminSiteIds?: string[];
  siteOwnerSiteIds?: string[];
  rateLimitPerMinute?: number;
}

let created = 0;

/** Creates an API key through `creator` (a user's or another key's client). */
export async function createApiKey(creator: GraphQLClient, input: ApiKeyInput): Promise<CreatedApiKey> {
  created += 1;
  const { createApiKey } = await creator.data<{
    createApiKey: { apiKey: { id: string; prefix: string }; secret: string };
  }>('mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id prefix } secret } }', {
    input: { name: `integration ${created}`, ...input },
  });
  return {
    id: createApiKey.apiKey.id,
    prefix: createApiKey.apiKey.prefix,
    secret: createApiKey.secret,
    client: new GraphQLClient(creator.httpUrl, createApiKey.secret),
  };
}

export async function revokeApiKey(admin: GraphQLClient, id: string): Promise<void> {
  await admin.data('mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }', { id });
}

/** `GET /auth/whoami` with a bearer token: the HTTP route every token works on. */
export async function whoami(
  httpUrl: string,
  token: string,
): Promise<{ status: number; body: Record<string, unknown>; retryAfter: string | null }> {
  const response = await fetch(`${httpUrl}/auth/whoami`, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    retryAfter: response.headers.get('retry-after'),
  };
}
