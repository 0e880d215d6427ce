import type { ErrorCode } from '@parkeer/shared/messages/error-catalogue';
import { refuse, type Outcome } from '../result.js';
import { addMonths, compareLocalDates, dateParts, type LocalDate } from '../time/local-date.js';
import { localDateOf } from '../time/zoned-time.js';

/** Where municipalities may differ on the goodwill waiver (004: one a year, within one month). */
export interface WaiverPolicy {
  /** Waivers a visitor-permit holder may have per calendar year (0 switches the scheme off). */
  readonly perCalendarYear: number;
  /** Months after the fine's date within which the request must be made. */
  readonly requestWithinMonths: number;
}

export const goodwillWaiverPolicy: WaiverPolicy = { perCalendarYear: 1, requestWithinMonths: 1 };

export type WaiverStatus = 'approved' | 'refused' | 'pending';

export interface PreviousWaiver {
  readonly fineDate: LocalDate;
  readonly status: WaiverStatus;
}

export interface WaiverRequest {
  /** The date on the fine (dagtekening), a local calendar date. */
  readonly fineDate: LocalDate;
  readonly requestedAt: Date;
  /** The municipality's time zone: the request's date is its local date there. */
  readonly timeZone: string;
  /** The holder's earlier waiver requests, for any year. */
  readonly previousWaivers: readonly PreviousWaiver[];
  readonly policy: WaiverPolicy;
}

export type WaiverCode = Extract<ErrorCode, `WAIVER_${string}`>;

export interface WaiverAllowed {
  /** The calendar year whose allowance the waiver uses: the year of the fine's date. */
  readonly calendarYear: number;
  /** The last day on which the request is in time. */
  readonly deadline: LocalDate;
}

/**
 * The last local day on which a waiver may be requested: the same day of the month, the given
 * number of months after the fine's date, or the last day of that month when it is shorter
 * (a fine of 31 January may be contested until 28 or 29 February). The term runs from the day
 * after the fine's date to the end of the same day-number, the usual way of counting a term of
 * months; the day is inclusive, in local time.
 */
export function waiverDeadline(
  fineDate: LocalDate,
  policy: Pick<WaiverPolicy, 'requestWithinMonths'>,
): LocalDate {
  if (!Number.isInteger(policy.requestWithinMonths) || policy.requestWithinMonths < 1) {
    throw new RangeError(
      `requestWithinMonths must be a positive whole number: ${policy.requestWithinMonths}`,
    );
  }
  return addMonths(fineDate, policy.requestWithinMonths);
}

/**
 * docs/rules.md §9: whether a visitor-permit holder's request to waive a fine is granted under the
 * goodwill scheme. Whether the visitor was (wrongly) not registered is for the officer handling
 * the request; this decides the limits: the date window and the yearly allowance.
 *
 * - The allowance is the fine's calendar year's: "one fine per calendar year" is about the fine,
 *   so a December fine waived in January uses the old year, and the new year's stays free.
 * - A request dated before the fine's date cannot be about that fine and is refused.
 * - Refused requests do not use the allowance (nothing was waived); approved ones do, and so do
 *   pending ones, so that two requests made close together cannot both be approved for one
 *   year. If the pending one is later refused, the holder may ask again (while still in time).
 */
export function decideWaiverRequest(request: WaiverRequest): Outcome<WaiverAllowed, WaiverCode> {
  const { fineDate, requestedAt, timeZone, previousWaivers, policy } = request;
  if (!Number.isInteger(policy.perCalendarYear) || policy.perCalendarYear < 0) {
    throw new RangeError(
      `perCalendarYear must be a whole number of at least 0: ${policy.perCalendarYear}`,
    );
  }
  if (Number.isNaN(requestedAt.getTime()))
    throw new RangeError('requestedAt is not a valid instant');

  const deadline = waiverDeadline(fineDate, policy);
  const requestDate = localDateOf(requestedAt, timeZone);
  if (compareLocalDates(requestDate, fineDate) < 0) {
    return refuse('WAIVER_REQUEST_BEFORE_FINE_DATE', { fineDate });
  }
  if (compareLocalDates(requestDate, deadline) > 0) {
    return refuse('WAIVER_REQUEST_TOO_LATE', { deadline, months: policy.requestWithinMonths });
  }

  const calendarYear = dateParts(fineDate).year;
  const used = previousWaivers.filter(
    (waiver) => waiver.status !== 'refused' && dateParts(waiver.fineDate).year === calendarYear,
  ).length;
  if (used >= policy.perCalendarYear) {
    return refuse('WAIVER_YEAR_ALLOWANCE_USED', {
      year: calendarYear,
      max: policy.perCalendarYear,
    });
  }
  return { ok: true, calendarYear, deadline };
}
