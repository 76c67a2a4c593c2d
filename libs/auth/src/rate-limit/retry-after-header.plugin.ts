import { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@csms/common';

/**
 * A GraphQL response whose errors are all rate-limit refusals carries `Retry-After` (the longest wait
 * they give in `extensions.retryAfterSeconds`), as an HTTP 429 would. The status stays 200: Nest keeps
 * it so for every response with a `data` key, which GraphQL clients parse as a normal answer.
 */
export function retryAfterHeaderPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          if (
            !errors.length ||
            errors.some((error) => error.extensions?.code !== ErrorCode.TOO_MANY_REQUESTS)
          ) {
            return;
          }
          const waits = errors.map((error) => Number(error.extensions?.retryAfterSeconds) || 1);
          response.http.headers.set('retry-after', String(Math.max(...waits)));
        },
      };
    },
  };
}
