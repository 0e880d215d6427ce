import type { EntityManager } from '@mikro-orm/core';
import type { TopUpInput, TopUpPurchase } from '@parkeer/domain/balance/top-up-offers';
import { localDateOf } from '@parkeer/domain/time/zoned-time';
import { Payment } from '../../model/payment.entity.js';
import type { Permit } from '../../model/permit.entity.js';

/** Top-ups credited to the permit: its paid payments (care grants and the seed are not bought). */
export async function purchasesOf(em: EntityManager, permitId: string): Promise<TopUpPurchase[]> {
  const paid = await em.find(
    Payment,
    { permit: permitId, status: 'paid' },
    {
      fields: ['amount', 'priceCents', 'completedAt', 'createdAt'],
      orderBy: { completedAt: 'asc' },
    },
  );
  return paid.map((payment) => ({
    at: payment.completedAt ?? payment.createdAt,
    amount: payment.amount,
    priceCents: payment.priceCents,
  }));
}

/**
 * What the domain needs to decide a top-up of the permit now; null when its product has no
 * top-up policy. The permit comes with its product type, zone and municipality loaded.
 */
export async function topUpInputFor(
  em: EntityManager,
  permit: Permit,
  now: Date,
  isDelegated = false,
): Promise<TopUpInput | null> {
  const policy = permit.productType.topUpPolicy;
  if (!policy) return null;
  const timeZone = permit.municipality.timeZone;
  return {
    policy,
    balance: permit.balance,
    purchases: await purchasesOf(em, permit.id),
    permitStart: localDateOf(permit.validFrom, timeZone),
    zone: permit.zone.code,
    holderType: permit.holderType,
    now,
    timeZone,
    isDelegated,
  };
}
