import { useRef } from 'react';

/**
 * One idempotency key per thing the holder asks (docs/graphql.md, Idempotency keys): the same
 * input sent again (a double tap, a retry after a lost answer) keeps its key, so the town gets
 * one request; another input, or a new request after one was filed, gets a new key.
 */
export function useIntentKey(input: unknown) {
  const signature = JSON.stringify(input);
  const current = useRef({ signature, key: crypto.randomUUID() });
  if (current.current.signature !== signature) {
    current.current = { signature, key: crypto.randomUUID() };
  }
  return {
    key: current.current.key,
    renew: () => {
      current.current = { signature: '', key: crypto.randomUUID() };
    },
  };
}
