import { addDays, type LocalDate } from '@parkeer/domain/time/local-date';
import { localDateOf } from '@parkeer/domain/time/zoned-time';
import { pollLimitMs, type PollStep } from '../top-up/payment-polling.js';

/** The town's clock (docs/rules.md §3): dates at the counter are Amsterdam's, whatever the phone says. */
export const counterTimeZone = 'Europe/Amsterdam';

/** Today and the latest start date the product allows, as the date field's bounds. */
export function startDateBounds(
  now: Date,
  maxDaysAhead: number,
): { min: LocalDate; max: LocalDate } {
  const min = localDateOf(now, counterTimeZone);
  return { min, max: addDays(min, Math.max(0, maxDaysAhead)) };
}

/**
 * The last day a term covers. The API gives a term's end as the local midnight that ends it
 * (docs/architecture.md, Time: 'end of day' is the next midnight), which people read as the day
 * before: a permit 'until 1 January 00:00' is valid 'to and including 31 December'.
 */
export const lastDayOf = (validUntil: string | Date): Date =>
  new Date(new Date(validUntil).getTime() - 1);

/** Where an application stands, as the page that follows the payment tells it. */
export type ApplicationPhase =
  'waiting' | 'granted' | 'review' | 'refused' | 'cancelled' | 'waitlisted' | 'offered';

const paymentEnded = new Set(['cancelled', 'failed', 'expired']);

/**
 * The phase of an application: still waiting for the bank, decided, with an official, or
 * over without a permit. A payment the bank ended counts as cancelled at once, before the
 * webhook has marked the application so.
 */
export function applicationPhase(application: {
  status: string;
  paymentStatus?: string | null;
}): ApplicationPhase {
  switch (application.status) {
    case 'granted':
      return 'granted';
    case 'awaitingReview':
      return 'review';
    // docs/rules.md §2 quotas: on the waiting list, or offered a place to pay.
    case 'waitlisted':
      return 'waitlisted';
    case 'offered':
      return 'offered';
    case 'refused':
      return 'refused';
    case 'cancelled':
      return 'cancelled';
    default:
      return paymentEnded.has(application.paymentStatus ?? '') ? 'cancelled' : 'waiting';
  }
}

// The return page asks as often and as long as the top-up's result page does.
export { pollIntervalMs, pollLimitMs } from '../top-up/payment-polling.js';

/**
 * Whether the return page asks again: while the bank has not answered, and after a grant
 * until its letter is made (seconds), never longer than the limit.
 */
export function nextPoll(
  application: {
    status: string;
    paymentStatus?: string | null;
    letters: readonly { ready: boolean }[];
  },
  elapsedMs: number,
): PollStep {
  const phase = applicationPhase(application);
  const letterPending =
    phase === 'granted' &&
    (application.letters.length === 0 || application.letters.some((letter) => !letter.ready));
  if (phase !== 'waiting' && !letterPending) return 'done';
  return elapsedMs < pollLimitMs ? 'poll' : 'giveUp';
}

/**
 * Whether a permit's page asks again by itself: while one of its letters is still being made
 * (a plate change or an end makes one a moment later), never longer than the limit.
 */
export function nextLetterPoll(
  letters: readonly { ready: boolean }[],
  elapsedMs: number,
): PollStep {
  if (letters.every((letter) => letter.ready)) return 'done';
  return elapsedMs < pollLimitMs ? 'poll' : 'giveUp';
}

/** What the town accepts as an upload (the contract's `POST /documents`). */
export const uploadTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const maxUploadBytes = 5 * 1024 * 1024;

/** Why a chosen file cannot be sent, found before it is sent; null when it may be. */
export function uploadProblem(file: {
  size: number;
  type: string;
}): 'type' | 'size' | 'empty' | null {
  if (!(uploadTypes as readonly string[]).includes(file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > maxUploadBytes) return 'size';
  return null;
}

/**
 * A file's name as an HTTP header can carry it (visible ASCII and spaces only): the town sees a
 * readable name, and no header is refused for an accent or an emoji in it.
 */
export function headerFileName(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const safe = ascii.replace(/[^\x20-\x7e]/g, '_').trim();
  return (safe || 'document').slice(0, 200);
}

/** The documents an offer asks for in the stated case: the ones always asked, and the case's own. */
export function requiredDocuments<Requirement extends { when?: string | null }>(
  documents: readonly Requirement[],
  reviewCase: string | null,
): Requirement[] {
  return documents.filter((document) => !document.when || document.when === reviewCase);
}
