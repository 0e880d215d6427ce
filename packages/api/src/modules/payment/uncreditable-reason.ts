import type { EntityManager } from '@mikro-orm/core';
import { reasonNotToCredit as domainReason } from '@parkeer/domain/balance/paid-top-up-credit';
import type { Permit } from '../../model/permit.entity.js';
import { topUpInputFor } from './top-up-input.js';
import type { Payment, RefundReason } from '../../model/payment.entity.js';

/**
 * Why a payment the provider reports paid cannot be credited to its (locked) permit, or null
 * when it can: the permit was revoked meanwhile (its balance was settled then), or the domain's
 * cap and threshold say no with the purchases credited since the payment started.
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
  return domainReason(input, { amount: payment.amount, startedAt: payment.createdAt });
}
