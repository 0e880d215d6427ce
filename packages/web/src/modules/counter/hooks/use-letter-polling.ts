import { useEffect, useState } from 'react';
import { nextLetterPoll, pollIntervalMs } from '../counter-rules.js';

/**
 * Asks for the permit again every second while one of its letters is being made, for a minute
 * at most from when the page first saw one in the making; a letter made later starts another
 * minute. `ask` re-runs the page's query past the cache.
 */
export function useLetterPolling(
  letters: readonly { id: string; ready: boolean }[] | undefined,
  fetching: boolean,
  ask: () => void,
): void {
  const pendingKey = (letters ?? [])
    .filter((letter) => !letter.ready)
    .map((letter) => letter.id)
    .join(' ');
  const [since, setSince] = useState(() => ({ key: pendingKey, at: Date.now() }));
  if (since.key !== pendingKey) setSince({ key: pendingKey, at: Date.now() });

  useEffect(() => {
    if (fetching || !letters) return;
    if (nextLetterPoll(letters, Date.now() - since.at) !== 'poll') return;
    const timer = setTimeout(ask, pollIntervalMs);
    return () => clearTimeout(timer);
  }, [fetching, letters, since, ask]);
}
