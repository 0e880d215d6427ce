import {
  addYears,
  compareLocalDates,
  dateParts,
  toLocalDate,
  type LocalDate,
} from '../time/local-date.js';
import { localDateOf } from '../time/zoned-time.js';
import type { CapPeriod } from './top-up-policy.js';

/** A cap period as local dates: from `start` up to, not including, `nextStart`. */
export interface BalancePeriod {
  readonly start: LocalDate;
  readonly nextStart: LocalDate;
}

/**
 * The period that contains a local date. A calendar year runs 1 January – 31 December. A permit
 * year starts on the permit's start date and on each anniversary of it, counted from the start
 * date itself (a permit from 29 February has anniversaries on 28 February, and on 29 February
 * again in leap years). A date before the permit starts (buying during the application) falls in
 * the first permit year.
 */
export function periodOf(
  period: CapPeriod,
  date: LocalDate,
  permitStart: LocalDate | undefined,
): BalancePeriod {
  if (period === 'calendarYear') {
    const { year } = dateParts(date);
    return { start: toLocalDate(year, 1, 1), nextStart: toLocalDate(year + 1, 1, 1) };
  }
  if (permitStart === undefined)
    throw new RangeError('a permit-year period needs the permit start');
  const index = permitYearIndex(date, permitStart);
  return { start: addYears(permitStart, index), nextStart: addYears(permitStart, index + 1) };
}

/** 0 for the first permit year (and any date before it), 1 for the second, and so on. */
function permitYearIndex(date: LocalDate, permitStart: LocalDate): number {
  if (compareLocalDates(date, permitStart) < 0) return 0;
  let index = dateParts(date).year - dateParts(permitStart).year;
  if (compareLocalDates(addYears(permitStart, index), date) > 0) index -= 1;
  return index;
}

/**
 * Whether an instant falls in a period, judged by its local date in the municipality's time zone:
 * a purchase at 23:30 on 31 December in Amsterdam belongs to that year although it is 22:30 UTC.
 * Dates before the first permit year count in it (see `periodOf`).
 */
export function isInPeriod(
  instant: Date,
  current: BalancePeriod,
  period: CapPeriod,
  permitStart: LocalDate | undefined,
  timeZone: string,
): boolean {
  const other = periodOf(period, localDateOf(instant, timeZone), permitStart);
  return other.start === current.start;
}

/** The sum over the items that fall in the period. */
export function sumInPeriod<T extends { readonly at: Date }>(
  items: readonly T[],
  value: (item: T) => number,
  current: BalancePeriod,
  period: CapPeriod,
  permitStart: LocalDate | undefined,
  timeZone: string,
): number {
  let total = 0;
  for (const item of items) {
    if (isInPeriod(item.at, current, period, permitStart, timeZone)) total += value(item);
  }
  return total;
}
