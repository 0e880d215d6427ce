import { refuse, type Outcome } from '../result.js';
import type { RefundOccasion, TopUpPolicy } from './top-up-policy.js';

/**
 * Something that added to the balance: a top-up with its price (without the fee), or a free
 * credit such as a care grant with price 0, so that free time is valued at nothing.
 */
export interface BalanceCredit {
  readonly at: Date;
  readonly amount: number;
  readonly priceCents: number;
}

export interface UnusedPurchaseInput {
  /** The balance left, in the policy's unit, after running sessions and delegations are settled. */
  readonly balance: number;
  readonly purchases: readonly BalanceCredit[];
}

export interface RefundPart {
  readonly at: Date;
  /** How much of this credit is still unused. */
  readonly amount: number;
  readonly refundCents: number;
}

export interface UnusedPurchaseValue {
  readonly refundCents: number;
  /** Most recent credit first. */
  readonly parts: readonly RefundPart[];
  /** Balance that no credit explains (e.g. a correction): it is worth nothing. */
  readonly unvaluedAmount: number;
}

/**
 * What the unused balance is worth, in cents. Use is taken to eat the oldest credits first, so
 * what is left is the most recent purchases (last in, first out), each valued at its own price.
 * Rounding: the unused part of a credit is worth `unused × price / amount`, rounded down to the
 * cent per credit; a wholly unused credit is worth exactly its price. So the refund is never more
 * than was paid for the time that is left, and at most one cent per credit less.
 */
export function unusedPurchaseValue(input: UnusedPurchaseInput): UnusedPurchaseValue {
  const mostRecentFirst = input.purchases
    .map((credit, index) => ({ credit, index }))
    .filter(({ credit }) => credit.amount > 0)
    // Equal times keep ledger order: the later row is the more recent one.
    .sort((a, b) => b.credit.at.getTime() - a.credit.at.getTime() || b.index - a.index);

  let left = Math.max(0, input.balance);
  let refundCents = 0;
  const parts: RefundPart[] = [];
  for (const { credit } of mostRecentFirst) {
    if (left === 0) break;
    const unused = Math.min(left, credit.amount);
    const value = unused * credit.priceCents;
    const partCents = (value - (value % credit.amount)) / credit.amount;
    parts.push({ at: credit.at, amount: unused, refundCents: partCents });
    refundCents += partCents;
    left -= unused;
  }
  return { refundCents, parts, unvaluedAmount: left };
}

export type RefundRefusal = 'REFUND_BALANCE_LAPSES' | 'REFUND_OCCASION_NOT_COVERED';

/**
 * The refund of unused purchases when a permit ends or is blocked (docs/rules.md §2, §4), on request:
 * refused where the municipality lets unused balance lapse (002) or where the occasion is not one
 * it refunds on (004: moving, death). Administration fees are not refunded.
 */
export function unusedPurchaseRefund(
  input: UnusedPurchaseInput & { readonly policy: TopUpPolicy; readonly occasion: RefundOccasion },
): Outcome<UnusedPurchaseValue, RefundRefusal> {
  const rule = input.policy.unusedBalance;
  if (rule.kind === 'lapse') return refuse('REFUND_BALANCE_LAPSES');
  if (!rule.occasions.includes(input.occasion)) {
    return refuse('REFUND_OCCASION_NOT_COVERED', { occasion: input.occasion });
  }
  return { ok: true, ...unusedPurchaseValue(input) };
}
