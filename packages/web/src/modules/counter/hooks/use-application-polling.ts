import { useCallback, useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { nextPoll, pollIntervalMs } from '../counter-rules.js';
import { PermitApplicationQuery } from '../graphql/counter.js';

/**
 * The application, asked for again every second while the bank has not answered (the webhook may
 * come a moment after the bank's redirect) and until a grant's letter is made, for a minute at
 * most (`gaveUp`); `checkAgain` starts another minute.
 */
export function useApplicationPolling(applicationId: string) {
  const [result, reexecute] = useQuery({
    query: PermitApplicationQuery,
    variables: { id: applicationId },
    requestPolicy: 'network-only',
  });
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const [gaveUp, setGaveUp] = useState(false);
  const application = result.data?.permitApplication;

  useEffect(() => {
    if (result.fetching || gaveUp || !application) return;
    const step = nextPoll(application, Date.now() - startedAt);
    if (step === 'giveUp') setGaveUp(true);
    if (step !== 'poll') return;
    const timer = setTimeout(() => reexecute({ requestPolicy: 'network-only' }), pollIntervalMs);
    return () => clearTimeout(timer);
  }, [result.fetching, application, gaveUp, startedAt, reexecute]);

  const checkAgain = useCallback(() => {
    setStartedAt(Date.now());
    setGaveUp(false);
    reexecute({ requestPolicy: 'network-only' });
  }, [reexecute]);

  return { result, gaveUp, checkAgain };
}
