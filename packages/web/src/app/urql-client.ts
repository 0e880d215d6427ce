import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import type { Language } from '@parkeer/shared/language';

export interface UrqlSetup {
  readonly client: Client;
  /** Closes the WebSocket: a new login needs a new connection (its cookie authenticates it). */
  dispose(): void;
}

/**
 * The one GraphQL client of the app: POST over HTTP (Apollo's CSRF protection refuses GET), the
 * session cookie of the same origin, and subscriptions over graphql-ws on the same path. Made
 * anew at login and logout, so no data of one account outlives its login.
 */
export function createUrqlClient(language: () => Language, origin = window.location): UrqlSetup {
  const wsUrl = `${origin.protocol === 'https:' ? 'wss' : 'ws'}://${origin.host}/graphql`;
  const ws = createWsClient({
    url: wsUrl,
    lazy: true,
    // A phone that lost its connection for a while comes back on its own.
    retryAttempts: Infinity,
    shouldRetry: () => true,
  });
  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    // Balances and sessions change elsewhere too (phone, scheduled work): show what is cached,
    // and ask again each time a page opens.
    requestPolicy: 'cache-and-network',
    fetchOptions: () => ({
      credentials: 'same-origin',
      headers: { 'accept-language': language() },
    }),
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe: (sink) => ({ unsubscribe: ws.subscribe(input, sink) }),
          };
        },
      }),
    ],
  });
  return { client, dispose: () => void ws.dispose() };
}
