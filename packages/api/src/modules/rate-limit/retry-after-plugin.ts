import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/** The longest wait the errors ask for, in seconds; 0 when none does. */
export function retryAfterOf(errors: readonly GraphQLFormattedError[]): number {
  const waits = errors.map((error) => Number(error.extensions?.retryAfterSeconds) || 0);
  return Math.max(0, ...waits);
}

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
