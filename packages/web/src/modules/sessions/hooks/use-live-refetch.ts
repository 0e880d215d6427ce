import { useCallback, useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { graphql } from '../../../app/graphql.js';
import { useSession } from '../../../app/session.js';

const SessionEventsSubscription = graphql(`
  subscription LiveSessions($permitId: ID) {
    sessionEvents(permitId: $permitId) {
      kind
      session {
        id
      }
    }
  }
`);

const BalanceEventsSubscription = graphql(`
  subscription LiveBalances($permitId: ID) {
    balanceEvents(permitId: $permitId) {
      permitId
    }
  }
`);

/**
 * Calls `refetch` when sessions or balances of the product (null: of all the viewer's products)
 * change anywhere: another tab, the phone, scheduled work. Events that come together (a session
 * and its balance) cause one refetch. When the server ends the subscriptions (a logout elsewhere,
 * a revoked delegation) the app checks the login again, refetches and listens anew.
 */
export function useLiveRefetch(productId: string | null, refetch: () => void): void {
  const { refresh } = useSession();
  const latest = useRef(refetch);
  latest.current = refetch;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const onEvent = useCallback((_previous: unknown, event: unknown) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), 50);
    return event;
  }, []);
  const variables = { permitId: productId };
  const [sessions, listenToSessions] = useSubscription(
    { query: SessionEventsSubscription, variables },
    onEvent,
  );
  const [balances, listenToBalances] = useSubscription(
    { query: BalanceEventsSubscription, variables },
    onEvent,
  );
  // When the current listening began; null while not listening.
  const since = useRef<number | null>(null);
  const listening = sessions.fetching && balances.fetching;
  useEffect(() => {
    if (listening) {
      since.current ??= Date.now();
      return;
    }
    if (since.current === null) return;
    // A subscription refused at once (no login) is not retried: the login check decides.
    const lasted = Date.now() - since.current;
    since.current = null;
    refresh();
    latest.current();
    if (lasted > 2000) {
      listenToSessions();
      listenToBalances();
    }
  }, [listening, refresh, listenToSessions, listenToBalances]);
}
