import type { Client as WsClient, ClientOptions, Sink } from 'graphql-ws';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { graphql } from './graphql.js';
import { createUrqlClient } from './urql-client.js';

const AboutQuery = graphql(`
  query AboutForResync {
    about {
      name
      version
    }
  }
`);

const LiveSessions = graphql(`
  subscription LiveForResync {
    sessionEvents {
      kind
    }
  }
`);

/** A graphql-ws client that connects nowhere: the test plays the server. */
function fakeWebSocket() {
  let options: ClientOptions | undefined;
  const sinks: Sink[] = [];
  const connect = (given: ClientOptions): WsClient => {
    options = given;
    return {
      subscribe: (_payload, sink) => {
        sinks.push(sink as Sink);
        return () => undefined;
      },
      iterate: () => {
        throw new Error('not used');
      },
      on: () => () => undefined,
      terminate: () => undefined,
      dispose: () => undefined,
    };
  };
  const connected = (wasRetry: boolean) => {
    const listener = options?.on?.connected;
    if (typeof listener === 'function') listener({}, undefined, wasRetry);
  };
  return { connect, connected, sinks };
}

/** Counts the HTTP requests the client sends, each answered with the same data. */
function countingFetch() {
  const requests: string[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    requests.push(String(init.body));
    return new Response(
      JSON.stringify({ data: { about: { __typename: 'About', name: 'api', version: '1' } } }),
      { headers: { 'content-type': 'application/json' } },
    );
  });
  return requests;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

describe('the GraphQL client after a gap in live updates', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks the queries on screen again when the WebSocket reconnects or the server says EVENTS_MISSED', async () => {
    const requests = countingFetch();
    const ws = fakeWebSocket();
    const { client } = createUrqlClient(
      () => 'nl',
      { protocol: 'http:', host: 'localhost' },
      ws.connect,
    );
    const onScreen = client.query(AboutQuery, {}).subscribe(() => undefined);
    await until(() => requests.length === 1, 'the first request');

    // The first connection is no gap; a reconnection is.
    ws.connected(false);
    await settle();
    expect(requests).toHaveLength(1);
    ws.connected(true);
    await until(() => requests.length === 2, 'the query asked again after a reconnect');

    const live = client.subscription(LiveSessions, {}).subscribe(() => undefined);
    await until(() => ws.sinks.length === 1, 'the subscription');
    ws.sinks[0]!.next({ data: { sessionEvents: { kind: 'started' } } });
    await settle();
    expect(requests).toHaveLength(2);
    // Every subscription reports the same gap: one round of requests.
    for (let i = 0; i < 2; i++) {
      ws.sinks[0]!.next({
        data: null,
        errors: [{ message: 'gemist', extensions: { code: 'EVENTS_MISSED' } }],
      });
    }
    await until(() => requests.length === 3, 'the query asked again after EVENTS_MISSED');
    await settle();
    expect(requests).toHaveLength(3);

    // A query no longer on screen is not asked again.
    onScreen.unsubscribe();
    ws.connected(true);
    await settle();
    expect(requests).toHaveLength(3);
    live.unsubscribe();
  });
});
