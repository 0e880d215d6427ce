import type { EntityManager } from '@mikro-orm/core';
import type { RefundOccasion } from '@parkeer/domain/balance/top-up-policy';
import {
  unusedPurchaseRefund,
  type BalanceCredit,
  type RefundRefusal,
  type UnusedPurchaseValue,
} from '@parkeer/domain/balance/unused-purchase-refund';
import { LedgerEntry, type LedgerKind } from '../../model/ledger-entry.entity.js';
import type { Permit } from '../../model/permit.entity.js';
import { permitPot } from '../ledger/ledger.js';
import type { PermitWork } from '../ledger/permit-transaction.js';

/**
 * Rows that added to the balance from outside: a purchase, or free time from the municipality.
 * A release or a delegation's return only gives back what the balance already held.
 */
const creditKinds: readonly LedgerKind[] = ['topUp', 'careGrant', 'compensation'];

export type RefundDecision =
  | { readonly owed: true; readonly value: UnusedPurchaseValue; readonly amount: number }
  | { readonly owed: false; readonly refusal: RefundRefusal | null };

/**
 * What the unused purchase of a permit is worth when it ends on `occasion` (docs/rules.md §2, §4),
 * valued by the domain from the permit's credits in the ledger. A top-up is valued at the price
 * its payment records (without the administration fee); free credits, and balance no payment
 * explains, are worth nothing. Call on the locked permit once its sessions and delegations are
 * settled: the balance is then all that is left.
 */
export async function unusedPurchaseOf(
  tx: EntityManager,
  permit: Permit,
  occasion: RefundOccasion,
): Promise<RefundDecision> {
  const policy = permit.productType.topUpPolicy;
  // A product without a balance (a resident permit) has nothing to refund or to refuse.
  if (!policy || !permit.productType.balanceUnit) return { owed: false, refusal: null };
  const rows = await tx.find(
    LedgerEntry,
    { permit: permit.id, pot: 'permit', kind: { $in: [...creditKinds] }, amount: { $gt: 0 } },
    { populate: ['payment'], orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const purchases: BalanceCredit[] = rows.map((row) => ({
    at: row.createdAt,
    amount: row.amount,
    priceCents: row.kind === 'topUp' && row.payment ? row.payment.priceCents : 0,
  }));
  const outcome = unusedPurchaseRefund({
    balance: permit.balance,
    purchases,
    policy,
    occasion,
  });
  if (!outcome.ok) return { owed: false, refusal: outcome.reason };
  const { refundCents, parts, unvaluedAmount } = outcome;
  const amount = parts.reduce((sum, part) => sum + part.amount, 0);
  return { owed: true, value: { refundCents, parts, unvaluedAmount }, amount };
}

/**
 * Values the unused purchase of a permit ending on `occasion` and, where the product owes it,
 * books it back as one `refund` row on the permit's ledger (docs/rules.md §2 refund of unused
 * purchase). The idempotency key names the occasion's event, so a repeat books nothing twice.
 * Runs on the locked permit, after its sessions and delegations are settled.
 */
export async function refundUnusedPurchase(
  unit: PermitWork<unknown>,
  permit: Permit,
  occasion: RefundOccasion,
  booking: { readonly idempotencyKey: string; readonly actorId: string; readonly at: Date },
): Promise<RefundDecision> {
  const refund = await unusedPurchaseOf(unit.tx, permit, occasion);
  if (refund.owed && refund.amount > 0) {
    await unit.ledger.post(permitPot, {
      kind: 'refund',
      amount: -refund.amount,
      idempotencyKey: booking.idempotencyKey,
      createdById: booking.actorId,
      at: booking.at,
    });
  }
  return refund;
}
