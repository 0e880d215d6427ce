import type { SettingProblem } from './settings-problem.js';

/**
 * The settings a town's admin sets for the whole town, checked here before the API stores them,
 * each wrong value at its path as the other settings' problems are (docs/rules.md §1, §8, §9).
 */

/** How long plates of ended sessions are kept before they are anonymised (docs/rules.md §8). */
export type RetentionSetting =
  | { readonly kind: 'weeksAfterEnd'; readonly weeks: number }
  | { readonly kind: 'hoursAfterEnd'; readonly hours: number };

/**
 * docs/rules.md §8 Retention: 1–168 hours or 1–52 weeks. Beyond these, plates would be kept
 * longer than any town's rule asks (Delft: 48 hours, 003's app: 13 weeks).
 */
export const retentionBounds = { hoursAfterEnd: 24 * 7, weeksAfterEnd: 52 } as const;

/**
 * docs/rules.md §9 fines: a fine's plate data is kept at least a week (an objection period shorter
 * than that could not be met by post) and at most a year (past any objection and appeal term).
 */
export const objectionPeriodBounds = { min: 7, max: 365 } as const;

/** docs/rules.md §1: leges of a thousand euros per permit, far above any town's; a typo guard. */
export const maxAdministrationFeeCents = 100_000;

/** The retention an admin entered as a kind and an amount, or what is wrong with it. */
export function validateRetention(
  input: { readonly kind: string; readonly amount: number },
  at = 'retention',
): { readonly retention: RetentionSetting | null; readonly problems: SettingProblem[] } {
  if (input.kind !== 'hoursAfterEnd' && input.kind !== 'weeksAfterEnd') {
    return { retention: null, problems: [{ code: 'SETTING_INVALID_CHOICE', path: `${at}.kind` }] };
  }
  const max = retentionBounds[input.kind];
  if (!Number.isSafeInteger(input.amount) || input.amount < 1 || input.amount > max) {
    return {
      retention: null,
      problems: [{ code: 'SETTING_INVALID_CHOICE', path: `${at}.amount` }],
    };
  }
  const retention: RetentionSetting =
    input.kind === 'hoursAfterEnd'
      ? { kind: 'hoursAfterEnd', hours: input.amount }
      : { kind: 'weeksAfterEnd', weeks: input.amount };
  return { retention, problems: [] };
}

/** docs/rules.md §8: how long after parking ended a plate is kept, in milliseconds. */
export function retentionPeriodMs(retention: RetentionSetting): number {
  const hourMs = 3_600_000;
  return retention.kind === 'weeksAfterEnd'
    ? retention.weeks * 7 * 24 * hourMs
    : retention.hours * hourMs;
}

/** docs/rules.md §9 fines: the town's objection period in whole days, 7 to 365. */
export function validateObjectionPeriod(days: number): SettingProblem[] {
  const { min, max } = objectionPeriodBounds;
  return Number.isSafeInteger(days) && days >= min && days <= max
    ? []
    : [{ code: 'SETTING_OUT_OF_RANGE', path: 'objectionPeriodDays', params: { min, max } }];
}

/** docs/rules.md §1 administration fee: one amount per town, whole cents from 0 to €1,000. */
export function validateAdministrationFee(cents: number): SettingProblem[] {
  const path = 'administrationFeeCents';
  if (!Number.isSafeInteger(cents) || cents < 0) return [{ code: 'SETTING_NEGATIVE', path }];
  if (cents > maxAdministrationFeeCents) {
    return [{ code: 'SETTING_TOO_LARGE', path, params: { max: maxAdministrationFeeCents } }];
  }
  return [];
}
