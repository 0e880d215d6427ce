import { refuse, type Outcome } from '../result.js';
import type { LocalDate } from '../time/local-date.js';
import { localDateOf } from '../time/zoned-time.js';
import { periodOf, sumInPeriod } from './balance-period.js';
import type { TopUpPolicy } from './top-up-policy.js';

/** Informal-care time already granted on the product. */
export interface CareGrant {
  readonly at: Date;
  readonly amount: number;
}

export interface CareGrantInput {
  readonly policy: TopUpPolicy;
  readonly requestedMinutes: number;
  readonly grants: readonly CareGrant[];
  readonly now: Date;
  readonly timeZone: string;
  /** Needed only when the policy counts care grants per permit year. */
  readonly permitStart?: LocalDate;
}

export interface CareGrantDecision {
  /** The minutes to credit, free of charge. */
  readonly amount: number;
  readonly limit: number;
  /** What may still be granted in this period after this grant. */
  readonly remainingAfter: number;
  readonly periodStart: LocalDate;
  readonly nextPeriodStart: LocalDate;
}

export type CareGrantRefusal =
  'CARE_GRANT_NOT_OFFERED' | 'CARE_GRANT_INVALID_AMOUNT' | 'CARE_GRANT_LIMIT_EXCEEDED';

/**
 * Whether the municipality may grant informal-care time (docs/rules.md §4, 004: up to 400 hours a year,
 * free, on request with a carer's statement; the statement is judged by a person, not here).
 * Care grants have their own cap and do not count against the top-up cap. A request beyond the
 * cap is refused whole, with what remains, so the official decides on a smaller grant knowingly.
 */
export function decideCareGrant(
  input: CareGrantInput,
): Outcome<CareGrantDecision, CareGrantRefusal> {
  const grantPolicy = input.policy.careGrant;
  if (!grantPolicy || input.policy.unit !== 'minutes') return refuse('CARE_GRANT_NOT_OFFERED');
  const requested = input.requestedMinutes;
  if (!Number.isSafeInteger(requested) || requested <= 0) {
    return refuse('CARE_GRANT_INVALID_AMOUNT', { requested });
  }

  const today = localDateOf(input.now, input.timeZone);
  const current = periodOf(grantPolicy.period, today, input.permitStart);
  const granted = sumInPeriod(
    input.grants,
    (grant) => grant.amount,
    current,
    grantPolicy.period,
    input.permitStart,
    input.timeZone,
  );
  const limit = grantPolicy.limitMinutes;
  const remaining = Math.max(0, limit - granted);
  if (requested > remaining) {
    return refuse('CARE_GRANT_LIMIT_EXCEEDED', {
      requested,
      remaining,
      limit,
      unit: 'minutes',
      nextPeriodStart: current.nextStart,
    });
  }
  return {
    ok: true,
    amount: requested,
    limit,
    remainingAfter: remaining - requested,
    periodStart: current.start,
    nextPeriodStart: current.nextStart,
  };
}
