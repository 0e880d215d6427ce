import { describe, expect, it } from 'vitest';
import { backoffCeiling, retryDelay, type RetryPolicy } from './backoff.js';
import { jobPolicies } from './job-policies.js';

const minute = 60_000;
const policy: RetryPolicy = { baseMs: minute, capMs: 60 * minute, maxAttempts: 10 };

/** A fixed sequence of "random" numbers, repeated. */
const sequence = (...values: number[]) => {
  let i = 0;
  return () => values[i++ % values.length]!;
};

describe('retry backoff with jitter', () => {
  it('doubles its ceiling after each failure, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffCeiling(policy, n) / minute)).toEqual([
      1, 2, 4, 8, 16, 32, 60, 60,
    ]);
    // However many attempts: the cap, never Infinity or NaN.
    expect(backoffCeiling(policy, 10_000)).toBe(60 * minute);
  });

  it('waits between the base and the ceiling: the base at the least, the ceiling at the most', () => {
    for (const attempts of [1, 2, 3, 5, 8, 30]) {
      expect(retryDelay(policy, attempts, () => 0)).toBe(minute);
      expect(retryDelay(policy, attempts, () => 0.999_999)).toBeCloseTo(
        backoffCeiling(policy, attempts),
        -1,
      );
      for (let i = 0; i < 200; i++) {
        const delay = retryDelay(policy, attempts);
        expect(delay).toBeGreaterThanOrEqual(minute);
        expect(delay).toBeLessThanOrEqual(backoffCeiling(policy, attempts));
      }
    }
  });

  it('spreads the waits of jobs that failed together across the whole range', () => {
    const delays = [0.1, 0.5, 0.9].map((r) => retryDelay(policy, 4, sequence(r)));
    // Ceiling 8 minutes above a base of 1: 1.7, 4.5 and 7.3 minutes.
    expect(delays.map((d) => d / minute)).toEqual([1.7, 4.5, 7.3]);
    const seen = new Set(Array.from({ length: 50 }, () => retryDelay(policy, 6)));
    expect(seen.size).toBeGreaterThan(40);
  });

  it('waits exactly the base after the first failure', () => {
    expect(retryDelay(policy, 1)).toBe(minute);
  });

  it('gives every kind of work a policy that grows before it gives up', () => {
    for (const [kind, kindPolicy] of Object.entries(jobPolicies)) {
      expect(kindPolicy.baseMs, kind).toBeGreaterThan(0);
      expect(kindPolicy.capMs, kind).toBeGreaterThan(kindPolicy.baseMs);
      expect(kindPolicy.maxAttempts, kind).toBeGreaterThan(1);
    }
  });
});
