import type { ApolloServerPlugin } from '@apollo/server';
import { retryAfterOf } from '../../graphql/error-formatting.js';

/**
 * An HTTP `Retry-After` beside RATE_LIMITED and BUSY (their `extensions.retryAfterSeconds`), for
 * clients and proxies that read headers rather than GraphQL errors.
 */
export function retryAfterPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const seconds = retryAfterOf(response.body.singleResult.errors ?? []);
          if (seconds > 0) response.http.headers.set('retry-after', String(seconds));
        },
      };
    },
  };
}
