import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import { getSession, setSession } from '../session/session-store';

export const GRAPHQL_PATH = '/graphql';

/**
 * One urql client per signed-in session: queries and mutations over HTTP, subscriptions over
 * graphql-ws on the same path, both with the session's bearer token. An UNAUTHENTICATED answer
 * (expired or revoked token) signs the user out.
 */
export function createGraphQLClient(token: string): { client: Client; dispose: () => void } {
  const wsUrl = new URL(GRAPHQL_PATH, window.location.href).href.replace(/^http/, 'ws');
  const ws = createWsClient({
    url: wsUrl,
    // One socket for the whole signed-in session: pages hand their subscriptions over as the user
    // navigates, and a lazy socket closing as the last one ends could drop the next page's first one.
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    connectionParams: () => ({ authorization: `Bearer ${token}` }),
  });
  const client = new Client({
    url: GRAPHQL_PATH,
    requestPolicy: 'cache-and-network',
    // POST like every other client of this API (Apollo's CSRF protection refuses simple GET requests).
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    exchanges: [
      mapExchange({
        onError(error) {
          const unauthenticated = error.graphQLErrors.some(
            (item) => item.extensions?.code === 'UNAUTHENTICATED',
          );
          if (unauthenticated && getSession()?.token === token) setSession(null);
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  return { client, dispose: () => void ws.dispose() };
}

/** A client without a token, for signing in and resetting a password. */
export function createAnonymousClient(): Client {
  return new Client({
    url: GRAPHQL_PATH,
    exchanges: [fetchExchange],
    requestPolicy: 'network-only',
    preferGetMethod: false,
  });
}
