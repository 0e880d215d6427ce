import { useCallback, useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { PaymentQuery } from '../graphql/top-up.js';
import { nextPollStep, pollIntervalMs } from '../payment-polling.js';

/**
 * The payment, asked for again every second until the bank has answered or a minute has passed
 * (`gaveUp`); `checkAgain` starts another minute.
 */
export function usePaymentPolling(paymentId: string) {
  const [result, reexecute] = useQuery({
    query: PaymentQuery,
    variables: { id: paymentId },
    requestPolicy: 'network-only',
    pause: !paymentId,
  });
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const [gaveUp, setGaveUp] = useState(false);
  const status = result.data?.payment.status;

  useEffect(() => {
    if (result.fetching || gaveUp) return;
    const step = nextPollStep(status, Date.now() - startedAt);
    if (step === 'giveUp') setGaveUp(true);
    if (step !== 'poll') return;
    const timer = setTimeout(() => reexecute({ requestPolicy: 'network-only' }), pollIntervalMs);
    return () => clearTimeout(timer);
  }, [result.fetching, result.data, status, gaveUp, startedAt, reexecute]);

  const checkAgain = useCallback(() => {
    setStartedAt(Date.now());
    setGaveUp(false);
    reexecute({ requestPolicy: 'network-only' });
  }, [reexecute]);

  return { result, gaveUp, checkAgain };
}
