/** How often the result page asks the API again while the bank has not answered. */
export const pollIntervalMs = 1000;
/** After this long the page stops asking by itself; the resident can ask again. */
export const pollLimitMs = 60_000;

export type PollStep = 'done' | 'poll' | 'giveUp';

/**
 * What the result page does next: ask again while the payment is open (the webhook may come a
 * moment after the bank's redirect), stop once the bank has answered, give up after a while.
 */
export function nextPollStep(status: string | undefined, elapsedMs: number): PollStep {
  if (status !== 'open') return 'done';
  return elapsedMs < pollLimitMs ? 'poll' : 'giveUp';
}
