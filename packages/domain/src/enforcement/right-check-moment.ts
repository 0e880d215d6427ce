import { refuse, type Refusal } from '../result.js';

/**
 * docs/rules.md §9: how far from now a right-check may look. Back over a shift (the fine being
 * written), ahead only for the difference between the device's clock and ours; older moments
 * would let plates be traced through time.
 */
export const rightCheckWindow = { hoursBack: 12, minutesAhead: 5 } as const;

/** docs/rules.md §9: the moment a check asks about, up to 12 hours back and 5 minutes ahead. */
export function checkRightCheckMoment(
  at: Date,
  now: Date,
): { readonly ok: true } | Refusal<'RIGHT_CHECK_TIME_OUT_OF_RANGE'> {
  const earliest = now.getTime() - rightCheckWindow.hoursBack * 3_600_000;
  const latest = now.getTime() + rightCheckWindow.minutesAhead * 60_000;
  return at.getTime() >= earliest && at.getTime() <= latest
    ? { ok: true }
    : refuse('RIGHT_CHECK_TIME_OUT_OF_RANGE', { hours: rightCheckWindow.hoursBack });
}
