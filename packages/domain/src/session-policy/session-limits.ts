import type { Regime } from '../regime/regime.js';
import { endOfPaidHoursOnDayOf } from '../regime/regime.js';
import { addDays, isoWeekdayOf } from '../time/local-date.js';
import { endOfDay, localDateOf, startOfDay, wallClockOf } from '../time/zoned-time.js';
import type { SessionPolicy } from './session-policy.js';

/** When a permit may be used at all: from its start until its end (null: open-ended). */
export interface PermitValidity {
  readonly from: Date;
  readonly until: Date | null;
}

export interface LimitContext {
  readonly policy: SessionPolicy;
  readonly regime: Regime;
  readonly timeZone: string;
  readonly validity: PermitValidity;
}

const minuteMs = 60_000;
const earliest = (...dates: (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);

/** Whether the product may be used on the local day of `at`. */
export function isValidDayAt(at: Date, context: LimitContext): boolean {
  return !context.policy.invalidWeekdays.includes(wallClockOf(at, context.timeZone).isoWeekday);
}

/** The first moment after `start` at which the product stops being valid (an invalid day or the
 * end of the permit), or null when it stays valid. Looks ahead one week. */
export function firstInvalidMomentAfter(start: Date, context: LimitContext): Date | null {
  const { policy, timeZone, validity } = context;
  let invalidDayStart: Date | null = null;
  if (policy.invalidWeekdays.length > 0) {
    const firstDate = localDateOf(start, timeZone);
    for (let offset = 1; offset <= 7 && !invalidDayStart; offset++) {
      const date = addDays(firstDate, offset);
      if (policy.invalidWeekdays.includes(isoWeekdayOf(date))) {
        invalidDayStart = startOfDay(date, timeZone);
      }
    }
  }
  return earliest(invalidDayStart, validity.until);
}

/** The start of the first day at or after `from` on which the product is valid. */
export function nextValidDayStart(from: Date, context: LimitContext): Date | null {
  const firstDate = localDateOf(from, context.timeZone);
  for (let offset = 0; offset <= 7; offset++) {
    const date = addDays(firstDate, offset);
    if (!context.policy.invalidWeekdays.includes(isoWeekdayOf(date))) {
      return offset === 0 ? from : startOfDay(date, context.timeZone);
    }
  }
  return null;
}

/** The latest end the policy allows for a session starting at `start` (end-of-day deactivation
 * or the end of paid hours), or null when there is no such limit. */
export function latestEndFor(start: Date, context: LimitContext): Date | null {
  const { policy, regime, timeZone } = context;
  const dayEnd = endOfDay(localDateOf(start, timeZone), timeZone);
  switch (policy.latestEnd) {
    case 'none':
      return null;
    case 'endOfDay':
      return dayEnd;
    case 'endOfPaidHours':
      // After paid hours nothing is charged, so the day's end is the limit then.
      return endOfPaidHoursOnDayOf(regime, start, timeZone) ?? dayEnd;
  }
}

export function maxEndFor(start: Date, policy: SessionPolicy): Date | null {
  return policy.maxDurationMinutes === null
    ? null
    : new Date(start.getTime() + policy.maxDurationMinutes * minuteMs);
}

/**
 * The end a session gets when none is given (docs/rules.md §5), never beyond what the policy allows, so
 * a session with the default end is not refused for its end.
 */
export function defaultEndFor(start: Date, context: LimitContext): Date {
  const { policy, regime, timeZone } = context;
  const dayEnd = endOfDay(localDateOf(start, timeZone), timeZone);
  const preferred =
    policy.defaultEnd === 'endOfDay'
      ? dayEnd
      : policy.defaultEnd === 'maxDuration'
        ? (maxEndFor(start, policy) ?? dayEnd)
        : (endOfPaidHoursOnDayOf(regime, start, timeZone) ?? dayEnd);
  const capped = earliest(
    preferred,
    latestEndFor(start, context),
    maxEndFor(start, policy),
    firstInvalidMomentAfter(start, context),
  )!;
  return capped > start ? capped : preferred;
}
