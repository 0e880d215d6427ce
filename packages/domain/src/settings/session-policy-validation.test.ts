import { describe, expect, it } from 'vitest';
import {
  visitorPolicyEndOfDay,
  visitorPolicyMaxThreeHours,
  type SessionPolicy,
} from '../session-policy/session-policy.js';
import { validateSessionPolicy } from './session-policy-validation.js';

const codes = (policy: SessionPolicy) =>
  validateSessionPolicy(policy).map((problem) => `${problem.code} ${problem.path}`);

describe('validating session rules an admin entered', () => {
  it('accepts the policies of the sources', () => {
    expect(codes(visitorPolicyEndOfDay)).toEqual([]);
    expect(codes(visitorPolicyMaxThreeHours)).toEqual([]);
  });

  it('refuses a default end after the maximum duration without a maximum duration', () => {
    expect(codes({ ...visitorPolicyMaxThreeHours, maxDurationMinutes: null })).toEqual([
      'SETTING_DEFAULT_END_NEEDS_MAX_DURATION sessionPolicy.defaultEnd',
    ]);
  });

  it('names every wrong value at once, with where it is', () => {
    const policy = {
      ...visitorPolicyEndOfDay,
      maxDurationMinutes: 0,
      maxConcurrentSessions: 2.5,
      latestEnd: 'whenever',
      invalidWeekdays: [6, 6, 8],
      pastStartToleranceMinutes: -1,
    } as unknown as SessionPolicy;
    expect(codes(policy)).toEqual([
      'SETTING_NOT_POSITIVE sessionPolicy.maxDurationMinutes',
      'SETTING_INVALID_CHOICE sessionPolicy.latestEnd',
      'SETTING_NOT_POSITIVE sessionPolicy.maxConcurrentSessions',
      'SETTING_INVALID_CHOICE sessionPolicy.invalidWeekdays[1]',
      'SETTING_INVALID_CHOICE sessionPolicy.invalidWeekdays[2]',
      'SETTING_NEGATIVE sessionPolicy.pastStartToleranceMinutes',
    ]);
  });

  it('refuses a product valid on no day at all', () => {
    expect(codes({ ...visitorPolicyEndOfDay, invalidWeekdays: [1, 2, 3, 4, 5, 6, 7] })).toEqual([
      'SETTING_INVALID_CHOICE sessionPolicy.invalidWeekdays',
    ]);
  });
});
