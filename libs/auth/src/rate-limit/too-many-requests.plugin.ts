import { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@csms/common';

/**
 * A GraphQL request refused by a rate limit, every field of it, answers as HTTP would: status 429 and
 * `Retry-After` (the longest wait its errors give in `extensions.retryAfterSeconds`).
 */
export function tooManyRequestsPlugin(): ApolloServerPlugin {
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
          response.http.status = 429;
          response.http.headers.set('retry-after', String(Math.max(...waits)));
        },
      };
    },
  };
}
