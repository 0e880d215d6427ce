/** How a kind of work waits between failed attempts, and when it gives up. */
export interface RetryPolicy {
  /** The first wait, and the least any wait is. */
  readonly baseMs: number;
  /** No wait is longer than this, however many attempts failed. */
  readonly capMs: number;
  /** After this many failed attempts in a row the work goes to the dead letter. */
  readonly maxAttempts: number;
}

/** The longest wait after the n-th failed attempt: base · 2^(n−1), at most the cap. */
export function backoffCeiling(policy: RetryPolicy, attempts: number): number {
  const doublings = Math.max(0, Math.min(attempts - 1, 40));
  return Math.min(policy.capMs, policy.baseMs * 2 ** doublings);
}

/**
 * The wait after the n-th failed attempt: anywhere between the base and the ceiling, uniformly
 * ("full jitter" above a floor of one base wait). Spreading the waits keeps instances that failed
 * together, e.g. on one mail server going down, from all coming back at the same moment; the
 * floor keeps a failing job from being tried again at once. `random` is in [0, 1).
 */
export function retryDelay(
  policy: RetryPolicy,
  attempts: number,
  random: () => number = Math.random,
): number {
  const ceiling = backoffCeiling(policy, attempts);
  return Math.round(policy.baseMs + random() * (ceiling - policy.baseMs));
}
