import { makeOperation, type Client, type Exchange, type Operation } from '@urql/core';
import { pipe, tap } from 'wonka';

/** What a subscription sends when events may have been lost (the API's EVENTS_MISSED). */
export function saysEventsMissed(result: {
  readonly errors?: readonly { readonly extensions?: Record<string, unknown> }[];
}): boolean {
  return result.errors?.some((error) => error.extensions?.code === 'EVENTS_MISSED') ?? false;
}

export interface Resync {
  /** Goes first in the client's exchanges: it sees every query that starts and stops. */
  readonly exchange: Exchange;
  /**
   * Asks every query on screen again from the server (not the cache). Calls that come together
   * (each subscription reports the same gap) make one round.
   */
  request(client: Client): void;
}

/** After a gap in live updates: whatever is on screen may be stale, so all of it is asked again. */
export function resync(delayMs = 50): Resync {
  const onScreen = new Map<number, Operation>();
  let pending: ReturnType<typeof setTimeout> | undefined;
  return {
    exchange:
      ({ forward }) =>
      (operations$) =>
        forward(
          pipe(
            operations$,
            tap((operation) => {
              if (operation.kind === 'query') onScreen.set(operation.key, operation);
              else if (operation.kind === 'teardown') onScreen.delete(operation.key);
            }),
          ),
        ),
    request(client) {
      pending ??= setTimeout(() => {
        pending = undefined;
        for (const operation of onScreen.values()) {
          client.reexecuteOperation(
            makeOperation('query', operation, {
              ...operation.context,
              requestPolicy: 'network-only',
            }),
          );
        }
      }, delayMs);
    },
  };
}
