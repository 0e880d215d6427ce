import { addMonths, compareLocalDates, daysBetween, type LocalDate } from '../time/local-date.js';
import type { ProRataRule } from './counter-settings.js';
import { monthsCovered } from './counter-term.js';

export interface EarlyEnd {
  readonly rule: ProRataRule;
  /** The term being ended, as bought. */
  readonly term: { readonly startsOn: LocalDate; readonly endsOn: LocalDate };
  /** The first local day the permit no longer covers. */
  readonly endsOn: LocalDate;
  /** What was paid for that term's price (the fee is never refunded). */
  readonly paidCents: number;
}

/**
 * docs/rules.md §1 (early end refund): what an early end pays back of the term's price.
 * `none`: nothing. `days`: the unused days' share. `wholeMonths`: the share of the whole months
 * left, counted back from the term's end (a started month is used). Rounded down to the cent,
 * never more than was paid; an end before the term started returns the whole price.
 */
export function earlyEndRefundCents(end: EarlyEnd): number {
  const { rule, term, paidCents } = end;
  if (rule === 'none' || paidCents <= 0) return 0;
  if (compareLocalDates(end.endsOn, term.endsOn) >= 0) return 0;
  if (compareLocalDates(end.endsOn, term.startsOn) <= 0) return paidCents;
  let share: number;
  if (rule === 'days') {
    share = daysBetween(end.endsOn, term.endsOn) / daysBetween(term.startsOn, term.endsOn);
  } else {
    const total = monthsCovered(term.startsOn, term.endsOn);
    let unused = 0;
    while (compareLocalDates(addMonths(term.endsOn, -(unused + 1)), end.endsOn) >= 0) unused++;
    share = total === 0 ? 0 : unused / total;
  }
  return Math.min(paidCents, Math.floor(paidCents * share));
}
