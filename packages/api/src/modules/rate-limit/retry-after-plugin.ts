import type { ApolloServerPlugin } from '@apollo/server';

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
          const waits = (response.body.singleResult.errors ?? []).map(
            (error) => Number(error.extensions?.retryAfterSeconds) || 0,
          );
          const seconds = Math.max(0, ...waits);
          if (seconds > 0) response.http.headers.set('retry-after', String(seconds));
        },
      };
    },
  };
}
