import {
  addDays,
  addMonths,
  compareLocalDates,
  dateParts,
  daysBetween,
  toLocalDate,
  type LocalDate,
} from '../time/local-date.js';
import { localDateOf, startOfDay } from '../time/zoned-time.js';
import type { CounterSettings, PermitPeriod, TermAlignment } from './counter-settings.js';

/**
 * Months in one period: the unit of terms, calendar alignment and pro-rata prices. A day is no
 * part of a month: its terms and prices are whole days (`termFrom`, `termPriceCents`).
 */
export const monthsOf: Readonly<Record<Exclude<PermitPeriod, 'day'>, number>> = {
  month: 1,
  quarter: 3,
  halfYear: 6,
  year: 12,
};

/**
 * One term of a permit in local dates: from `startsOn` (its first day) up to `endsOn` (the first
 * day it no longer covers), and the instants those local midnights are in the town's zone.
 */
export interface PermitTerm {
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  readonly validFrom: Date;
  /** The local midnight that ends the term (shown as 23:59:59 of the day before). */
  readonly validUntil: Date;
}

/** The first day of the calendar period after the one `date` lies in (docs/rules.md §1). */
function nextCalendarBoundary(date: LocalDate, period: Exclude<PermitPeriod, 'day'>): LocalDate {
  const { year, month } = dateParts(date);
  const size = monthsOf[period];
  // Periods start in January, April, July, October (quarters), January and July (half years).
  const periodIndex = Math.floor((month - 1) / size);
  return addMonths(toLocalDate(year, 1, 1), (periodIndex + 1) * size);
}

/**
 * docs/rules.md §1 (counter term): the term a grant or a renewal buys from a local start date.
 * `rolling` runs one whole period from the start; `calendar` runs to the end of the calendar
 * period the start lies in (a start on the period's first day buys the whole period).
 */
export function termFrom(
  startsOn: LocalDate,
  settings: { readonly period: PermitPeriod; readonly alignment: TermAlignment },
  timeZone: string,
): PermitTerm {
  const { period } = settings;
  // A day term runs from the local midnight to the next one: 23 or 25 hours on a DST change.
  const endsOn =
    period === 'day'
      ? addDays(startsOn, 1)
      : settings.alignment === 'rolling'
        ? addMonths(startsOn, monthsOf[period])
        : nextCalendarBoundary(startsOn, period);
  return {
    startsOn,
    endsOn,
    validFrom: startOfDay(startsOn, timeZone),
    validUntil: startOfDay(endsOn, timeZone),
  };
}

/**
 * Whole months from `from` to `to`, counted back from `to`: the smallest n with
 * `to - n months <= from`. A started month counts (a calendar term from 15 March to 1 July
 * is 4 months; a rolling year is 12).
 */
export function monthsCovered(from: LocalDate, to: LocalDate): number {
  let months = 0;
  while (compareLocalDates(addMonths(to, -months), from) > 0) months++;
  return months;
}

/**
 * docs/rules.md §1 (counter price): the price of a term. A whole period (or a day) costs the
 * price per term; a shorter calendar-aligned first term costs the months it touches (a started month
 * counts whole), rounded to the cent with halves up.
 */
export function termPriceCents(
  term: Pick<PermitTerm, 'startsOn' | 'endsOn'>,
  settings: Pick<CounterSettings, 'pricePerTermCents' | 'period'>,
): number {
  // A day term is always whole: the price of the day.
  if (settings.period === 'day') return settings.pricePerTermCents;
  const periodMonths = monthsOf[settings.period];
  const months = Math.min(monthsCovered(term.startsOn, term.endsOn), periodMonths);
  return Math.round((settings.pricePerTermCents * months) / periodMonths);
}

/** docs/rules.md §1 (administration fee): the town's fee when the product charges it. */
export function administrationFeeCents(
  settings: Pick<CounterSettings, 'chargesAdministrationFee'>,
  townFeeCents: number,
): number {
  return settings.chargesAdministrationFee ? townFeeCents : 0;
}

/** The local date a term's end instant falls on: its `endsOn`. */
export const endDateOf = (validUntil: Date, timeZone: string): LocalDate =>
  localDateOf(validUntil, timeZone);

export interface RenewalWindow {
  /** The first local day a renewal may be bought. */
  readonly opensOn: LocalDate;
  readonly opensAt: Date;
  /** The term a renewal buys: from the current end, a whole period. */
  readonly next: PermitTerm;
}

/**
 * docs/rules.md §1 (renewal window): a renewal may be bought from `renewalWindowDays` before the
 * term ends until it has ended; it buys the next whole term from the current end, so no day is
 * lost or paid twice. A calendar-aligned permit's next term is a whole calendar period.
 */
export function renewalWindow(
  validUntil: Date,
  settings: Pick<CounterSettings, 'period' | 'alignment' | 'renewalWindowDays'>,
  timeZone: string,
): RenewalWindow {
  const endsOn = endDateOf(validUntil, timeZone);
  const opensOn = addDays(endsOn, -settings.renewalWindowDays);
  return {
    opensOn,
    opensAt: startOfDay(opensOn, timeZone),
    next: termFrom(endsOn, settings, timeZone),
  };
}

/** Whether `now` lies in the renewal window of a term ending at `validUntil`. */
export function inRenewalWindow(now: Date, validUntil: Date, window: RenewalWindow): boolean {
  return now.getTime() >= window.opensAt.getTime() && now.getTime() < validUntil.getTime();
}

/** Days between two local dates, never negative. */
export const daysFromTo = (from: LocalDate, to: LocalDate): number =>
  Math.max(0, daysBetween(from, to));
