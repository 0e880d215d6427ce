import { decideTopUp, type TopUpInput } from './top-up-offers.js';

/** Why a top-up the payment provider reports paid is not credited, but refunded. */
export type NotCreditedReason = 'capReached' | 'thresholdReached';

/** The paid top-up: what it adds, and when its payment started. */
export interface PaidTopUp {
  readonly amount: number;
  readonly startedAt: Date;
}

/**
 * Whether a top-up that was allowed when its payment started may still be credited once it is
 * paid (docs/rules.md §4), given the product as it is now (`input.purchases` without this one):
 * - the period's cap, asked again with the purchases credited meanwhile: two payments started
 *   side by side may each fit, but not together;
 * - the balance threshold, when the top-ups credited since this payment started passed it (the
 *   second of those two payments would have been refused had it started after the first was
 *   credited). A balance above the threshold for any other reason (a returned reservation, a
 *   compensation) does not send the money back: the holder did nothing wrong, and the threshold
 *   held when they paid.
 * Null: credit it.
 */
export function reasonNotToCredit(input: TopUpInput, paid: PaidTopUp): NotCreditedReason | null {
  const capDecision = decideTopUp({
    ...input,
    policy: { ...input.policy, maxBalanceForTopUp: null },
    amount: paid.amount,
  });
  if (
    !capDecision.ok &&
    (capDecision.reason === 'TOP_UP_CAP_REACHED' || capDecision.reason === 'TOP_UP_EXCEEDS_CAP')
  ) {
    return 'capReached';
  }
  return thresholdPassedByTopUpsSince(input, paid.startedAt) ? 'thresholdReached' : null;
}

/** Above the threshold now, and not above it without the top-ups credited since `since`. */
function thresholdPassedByTopUpsSince(input: TopUpInput, since: Date): boolean {
  const max = input.policy.maxBalanceForTopUp;
  if (max === null || input.balance <= max) return false;
  const creditedSince = input.purchases
    .filter((purchase) => purchase.at.getTime() >= since.getTime())
    .reduce((sum, purchase) => sum + purchase.amount, 0);
  return creditedSince > 0 && input.balance - creditedSince <= max;
}
