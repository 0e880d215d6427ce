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
  /** Only the unit and the care cap count: a browser that knows no more can decide too. */
  readonly policy: Pick<TopUpPolicy, 'unit' | 'careGrant'>;
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

/** Where a product stands against its care cap in the current period. */
export interface CareGrantRoom {
  readonly limit: number;
  /** What may still be granted (or asked for) in this period. */
  readonly remaining: number;
  readonly periodStart: LocalDate;
  readonly nextPeriodStart: LocalDate;
}

/**
 * The care cap's room now (docs/rules.md §4), counting `grants`; null when the product grants no
 * care time. A holder's pending requests may be passed as grants: what is asked is spoken for.
 */
export function careGrantRoom(
  input: Omit<CareGrantInput, 'requestedMinutes'>,
): CareGrantRoom | null {
  const grantPolicy = input.policy.careGrant;
  if (!grantPolicy || input.policy.unit !== 'minutes') return null;
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
  return {
    limit,
    remaining: Math.max(0, limit - granted),
    periodStart: current.start,
    nextPeriodStart: current.nextStart,
  };
}

/**
 * Whether the municipality may grant informal-care time (docs/rules.md §4, 004: up to 400 hours a year,
 * free, on request with a carer's statement; the statement is judged by a person, not here).
 * Care grants have their own cap and do not count against the top-up cap. A request beyond the
 * cap is refused whole, with what remains, so the official decides on a smaller grant knowingly.
 */
export function decideCareGrant(
  input: CareGrantInput,
): Outcome<CareGrantDecision, CareGrantRefusal> {
  const room = careGrantRoom(input);
  if (!room) return refuse('CARE_GRANT_NOT_OFFERED');
  const requested = input.requestedMinutes;
  if (!Number.isSafeInteger(requested) || requested <= 0) {
    return refuse('CARE_GRANT_INVALID_AMOUNT', { requested });
  }
  const { limit, remaining } = room;
  if (requested > remaining) {
    return refuse('CARE_GRANT_LIMIT_EXCEEDED', {
      requested,
      remaining,
      limit,
      unit: 'minutes',
      nextPeriodStart: room.nextPeriodStart,
    });
  }
  return {
    ok: true,
    amount: requested,
    limit,
    remainingAfter: remaining - requested,
    periodStart: room.periodStart,
    nextPeriodStart: room.nextPeriodStart,
  };
}
