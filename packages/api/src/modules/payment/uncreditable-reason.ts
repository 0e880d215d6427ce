import type { EntityManager } from '@mikro-orm/core';
import { decideTopUp, type TopUpInput } from '@parkeer/domain/balance/top-up-offers';
import type { Permit } from '../permit/permit.entity.js';
import { topUpInputFor } from '../top-up/top-up-input.js';
import type { Payment, RefundReason } from './payment.entity.js';

/**
 * Why a payment the provider reports paid cannot be credited to its (locked) permit, or null
 * when it can. The top-up was allowed when the holder chose to pay; what may have changed while
 * they were at the bank:
 * - the permit was revoked (its balance was settled then);
 * - the period's cap (docs/rules.md §4), asked again with the purchases credited meanwhile: two payments
 *   started side by side may each fit, but not together;
 * - the balance threshold, passed because of top-ups credited meanwhile (the same two payments:
 *   the second would have been refused had it started after the first was credited). A balance
 *   above the threshold for any other reason (a returned reservation, a compensation) does not
 *   send the money back: the holder did nothing wrong and the threshold held when they paid.
 */
export async function reasonNotToCredit(
  tx: EntityManager,
  permit: Permit,
  payment: Payment,
  now: Date,
): Promise<RefundReason | null> {
  if (permit.status === 'revoked') return 'permitRevoked';
  await tx.populate(permit, ['productType', 'zone', 'municipality']);
  const input = await topUpInputFor(tx, permit, now);
  if (!input) return null;
  const capDecision = decideTopUp({
    ...input,
    policy: { ...input.policy, maxBalanceForTopUp: null },
    amount: payment.amount,
  });
  if (
    !capDecision.ok &&
    (capDecision.reason === 'TOP_UP_CAP_REACHED' || capDecision.reason === 'TOP_UP_EXCEEDS_CAP')
  ) {
    return 'capReached';
  }
  return thresholdPassedByTopUpsSince(input, payment.createdAt) ? 'thresholdReached' : null;
}

/** Above the threshold now, and not above it without the top-ups credited since `since`. */
function thresholdPassedByTopUpsSince(input: TopUpInput, since: Date): boolean {
  const max = input.policy.maxBalanceForTopUp;
  if (max === null || input.balance <= max) return false;
  // The purchases are the credited payments; this one is not among them yet.
  const creditedSince = input.purchases
    .filter((purchase) => purchase.at.getTime() >= since.getTime())
    .reduce((sum, purchase) => sum + purchase.amount, 0);
  return creditedSince > 0 && input.balance - creditedSince <= max;
}
