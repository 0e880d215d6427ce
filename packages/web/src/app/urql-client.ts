import { Client, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import type { Language } from '@parkeer/shared/language';
import { resync, saysEventsMissed } from './resync.js';

export interface UrqlSetup {
  readonly client: Client;
  /** Closes the WebSocket: a new login needs a new connection (its cookie authenticates it). */
  dispose(): void;
}

/**
 * The one GraphQL client of the app: POST over HTTP (Apollo's CSRF protection refuses GET), the
 * session cookie of the same origin, and subscriptions over graphql-ws on the same path. Made
 * anew at login and logout, so no data of one account outlives its login.
 *
 * Live updates can have gaps: the WebSocket was gone for a while (graphql-ws reconnects and
 * subscribes again, but events of the meantime are lost), or the server says EVENTS_MISSED
 * (Redis was away, the connection fell behind). After either, every query on screen is asked
 * again from the server.
 */
export function createUrqlClient(
  language: () => Language,
  origin: Pick<Location, 'protocol' | 'host'> = window.location,
  connectWebSocket: typeof createWsClient = createWsClient,
): UrqlSetup {
  const wsUrl = `${origin.protocol === 'https:' ? 'wss' : 'ws'}://${origin.host}/graphql`;
  const gaps = resync();
  const ws = connectWebSocket({
    url: wsUrl,
    lazy: true,
    // A phone that lost its connection for a while comes back on its own.
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) gaps.request(client);
      },
    },
  });
  const client: Client = new Client({
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
      gaps.exchange,
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe: (sink) => ({
              unsubscribe: ws.subscribe(input, {
                next: (result) => {
                  if (saysEventsMissed(result)) gaps.request(client);
                  sink.next(result as Parameters<typeof sink.next>[0]);
                },
                error: (error) => sink.error(error),
                complete: () => sink.complete(),
              }),
            }),
          };
        },
      }),
    ],
  });
  return { client, dispose: () => void ws.dispose() };
}
