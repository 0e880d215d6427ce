import { endOfDay, localDateOf, startOfDay } from '@parkeer/domain/time/zoned-time';
import { displayTimeZone } from '../../app/ui/format.js';

/** Why a permit ends (docs/rules.md §2, §4), in the order the revoke form offers them. */
export const refundOccasions = [
  'movedToOtherZone',
  'movedOutOfPaidParking',
  'holderDied',
  'permitEnded',
] as const;
export type RefundOccasion = (typeof refundOccasions)[number];

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The validity the API stores for the days an admin picks, on the town's clock: from the first
 * instant of the first day up to the end of the last (exclusive). A day left empty is no limit.
 */
export function validityOf(
  from: string,
  until: string,
): { validFrom: string | null; validUntil: string | null } {
  return {
    validFrom: datePattern.test(from) ? startOfDay(from, displayTimeZone).toISOString() : null,
    validUntil: datePattern.test(until) ? endOfDay(until, displayTimeZone).toISOString() : null,
  };
}

/** The last day a permit is valid: `validUntil` is the exclusive end, so the day before it. */
export function lastValidDay(validUntil: string | Date): Date {
  return new Date(new Date(validUntil).getTime() - 1);
}

/** Today on the town's clock, as a date input's value (the issue form's default start). */
export const todayInTown = (now: Date = new Date()) => localDateOf(now, displayTimeZone);
