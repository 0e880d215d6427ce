import { decideCareGrant } from '@parkeer/domain/balance/care-grant';
import {
  decideWaiverRequest,
  waiverDeadline,
  type PreviousWaiver,
  type WaiverPolicy,
} from '@parkeer/domain/eligibility/goodwill-waiver';
import { isLocalDate } from '@parkeer/domain/time/local-date';
import type { ErrorCode } from '@parkeer/shared/messages/error-catalogue';
import type { CapPeriod } from '@parkeer/domain/balance/top-up-policy';

/** A rule's refusal as the domain gives it: the API would answer the same code. */
export interface RuleRefusal {
  readonly code: ErrorCode;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * docs/rules.md §9 in the browser: whether the town may take this waiver request now, by the
 * domain's own rule and the holder's earlier requests. Null: it may be sent.
 */
export function checkWaiver(input: {
  fineDate: string;
  now: Date;
  timeZone: string;
  policy: WaiverPolicy;
  previous: readonly PreviousWaiver[];
}): RuleRefusal | null {
  if (!isLocalDate(input.fineDate)) return null;
  const outcome = decideWaiverRequest({
    fineDate: input.fineDate,
    requestedAt: input.now,
    timeZone: input.timeZone,
    previousWaivers: input.previous,
    policy: input.policy,
  });
  return outcome.ok ? null : { code: outcome.reason, params: outcome.params ?? {} };
}

/** The last day a waiver for a fine of this date may be asked; null for no valid date. */
export function waiverDeadlineOf(fineDate: string, policy: WaiverPolicy): string | null {
  return isLocalDate(fineDate) ? waiverDeadline(fineDate, policy) : null;
}

export interface CareSchemeView {
  readonly period: CapPeriod;
  readonly limitMinutes: number;
  readonly permitStart: string;
  readonly counted: readonly { readonly at: string; readonly minutes: number }[];
}

/**
 * docs/rules.md §4 in the browser: whether the care cap has room for `minutes`, counting what was
 * granted and what is still asked. Null: it may be sent.
 */
export function checkCare(input: {
  minutes: number;
  now: Date;
  timeZone: string;
  scheme: CareSchemeView;
}): RuleRefusal | null {
  const { scheme } = input;
  const outcome = decideCareGrant({
    policy: {
      unit: 'minutes',
      careGrant: { period: scheme.period, limitMinutes: scheme.limitMinutes },
    },
    requestedMinutes: input.minutes,
    grants: scheme.counted.map((item) => ({ at: new Date(item.at), amount: item.minutes })),
    now: input.now,
    timeZone: input.timeZone,
    permitStart: scheme.permitStart,
  });
  return outcome.ok ? null : { code: outcome.reason, params: outcome.params ?? {} };
}

/**
 * Minutes in the hours a holder types: "10", "1,5" or "0.25"; null for anything else or for
 * less than a minute. Two decimals at most, so the Dutch "1.000" is not read as one hour.
 */
export function minutesOfHours(text: string): number | null {
  const match = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const minutes = Math.round(Number(`${match[1]}.${match[2] ?? '0'}`) * 60);
  return minutes >= 1 ? minutes : null;
}
