import type { IsoWeekday } from '../time/local-date.js';
import type {
  DefaultEnd,
  InsufficientBalancePolicy,
  LatestEnd,
  SessionPolicy,
} from '../session-policy/session-policy.js';
import { ProblemList, type SettingProblem } from './settings-problem.js';

const defaultEnds: readonly DefaultEnd[] = ['endOfDay', 'maxDuration', 'endOfPaidHours'];
const latestEnds: readonly LatestEnd[] = ['none', 'endOfDay', 'endOfPaidHours'];
const balancePolicies: readonly InsufficientBalancePolicy[] = ['refuseWithProposal', 'runToZero'];
/** A session of more than a week is not a visitor's session. */
const maxDurationLimit = 7 * 24 * 60;
/** Lag a start may have; beyond an hour it is backdating, not lag. */
const maxPastTolerance = 60;

/** Every problem in a product's session rules as an admin entered them. */
export function validateSessionPolicy(
  policy: SessionPolicy,
  at = 'sessionPolicy',
): SettingProblem[] {
  const list = new ProblemList();
  if (list.count(policy.maxDurationMinutes, `${at}.maxDurationMinutes`, { nullable: true })) {
    if (policy.maxDurationMinutes! > maxDurationLimit) {
      list.add('SETTING_INVALID_CHOICE', `${at}.maxDurationMinutes`);
    }
  }
  if (list.choice(policy.defaultEnd, defaultEnds, `${at}.defaultEnd`)) {
    if (policy.defaultEnd === 'maxDuration' && policy.maxDurationMinutes == null) {
      list.add('SETTING_DEFAULT_END_NEEDS_MAX_DURATION', `${at}.defaultEnd`);
    }
  }
  list.choice(policy.latestEnd, latestEnds, `${at}.latestEnd`);
  list.count(policy.maxConcurrentSessions, `${at}.maxConcurrentSessions`, { nullable: true });
  list.choice(policy.insufficientBalance, balancePolicies, `${at}.insufficientBalance`);
  if (list.list(policy.invalidWeekdays, `${at}.invalidWeekdays`)) {
    const seen = new Set<number>();
    policy.invalidWeekdays.forEach((weekday: IsoWeekday, index) => {
      const ok = Number.isInteger(weekday) && weekday >= 1 && weekday <= 7 && !seen.has(weekday);
      if (!ok) list.add('SETTING_INVALID_CHOICE', `${at}.invalidWeekdays[${index}]`);
      seen.add(weekday);
    });
    if (seen.size >= 7) list.add('SETTING_INVALID_CHOICE', `${at}.invalidWeekdays`);
  }
  if (
    list.count(policy.pastStartToleranceMinutes, `${at}.pastStartToleranceMinutes`, {
      allowZero: true,
    }) &&
    policy.pastStartToleranceMinutes > maxPastTolerance
  ) {
    list.add('SETTING_INVALID_CHOICE', `${at}.pastStartToleranceMinutes`);
  }
  return list.problems;
}
