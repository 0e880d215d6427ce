import type { HolderType } from '@parkeer/shared/holder-type';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { refuse, type Outcome } from '../result.js';
import type { LocalDate } from '../time/local-date.js';
import { localDateOf } from '../time/zoned-time.js';
import { periodOf, sumInPeriod } from './balance-period.js';
import {
  applicationFeeInEffect,
  purchasableAmounts,
  topUpPrice,
  type CapPeriod,
  type TopUpPolicy,
} from './top-up-policy.js';

/** A top-up already credited to the product: what it added and what it cost (without the fee). */
export interface TopUpPurchase {
  readonly at: Date;
  readonly amount: number;
  readonly priceCents: number;
}

export interface TopUpInput {
  readonly policy: TopUpPolicy;
  /** The balance now, in the policy's unit (it may be negative where a session may run to zero). */
  readonly balance: number;
  /** Every top-up credited to this product (not care grants, which have a cap of their own). */
  readonly purchases: readonly TopUpPurchase[];
  readonly permitStart: LocalDate;
  readonly zone: string;
  readonly holderType: HolderType;
  readonly now: Date;
  readonly timeZone: string;
  /** The purchase is part of an application for the permit: the administration fee is added. */
  readonly isApplication?: boolean;
  /** The product was delegated to the person asking: top-up is for the owner only (003). */
  readonly isDelegated?: boolean;
}

/** One amount that may be bought now. `totalCents` is what the holder pays. */
export interface TopUpOffer {
  readonly amount: number;
  readonly priceCents: number;
  readonly feeCents: number;
  readonly totalCents: number;
}

/**
 * Where the holder stands against the cap. `limit`, `used` and `remaining` are in `unit`: the
 * balance unit for an amount cap, cents for a money cap. `nextPeriodStart` is the first local date
 * of the next period, when a cap that has been reached opens again.
 */
export interface CapStatus {
  readonly period: CapPeriod;
  readonly measure: 'amount' | 'price';
  readonly unit: BalanceUnit;
  readonly limit: number;
  readonly used: number;
  readonly remaining: number;
  readonly periodStart: LocalDate;
  readonly nextPeriodStart: LocalDate;
}

export interface TopUpOffers {
  /** Ascending by amount; never empty. */
  readonly offers: readonly TopUpOffer[];
  readonly cap: CapStatus | null;
}

export type TopUpOffersRefusal =
  | 'TOP_UP_DELEGATED_PRODUCT'
  | 'TOP_UP_NO_PRICE'
  | 'TOP_UP_CAP_REACHED'
  | 'TOP_UP_BALANCE_ABOVE_THRESHOLD';

export type TopUpDecisionRefusal =
  TopUpOffersRefusal | 'TOP_UP_EXCEEDS_CAP' | 'TOP_UP_AMOUNT_NOT_OFFERED';

/**
 * The top-ups still allowed now (docs/rules.md §4), or why none is. The checks run from the most lasting
 * reason to the most passing one, so the holder hears the reason that still holds after the
 * others are gone: a delegated product, no price for the zone and holder type, the period's cap
 * (with the date the next period starts), and last the balance threshold.
 */
export function topUpOffers(input: TopUpInput): Outcome<TopUpOffers, TopUpOffersRefusal> {
  const { policy, balance, zone, holderType } = input;
  if (input.isDelegated) return refuse('TOP_UP_DELEGATED_PRODUCT');

  const today = localDateOf(input.now, input.timeZone);
  const feeCents = input.isApplication ? applicationFeeInEffect(policy.applicationFees, today) : 0;
  const priced: TopUpOffer[] = [];
  for (const amount of purchasableAmounts(policy.amounts)) {
    const priceCents = topUpPrice(policy.pricing, amount, zone, holderType, today);
    if (priceCents === null) return refuse('TOP_UP_NO_PRICE', { zone, holderType });
    priced.push({ amount, priceCents, feeCents, totalCents: priceCents + feeCents });
  }

  const cap = capStatus(input, today);
  const offers = cap ? priced.filter((offer) => measureOf(offer, cap) <= cap.remaining) : priced;
  if (cap && offers.length === 0) {
    return refuse('TOP_UP_CAP_REACHED', {
      limit: cap.limit,
      used: cap.used,
      remaining: cap.remaining,
      unit: cap.unit,
      nextPeriodStart: cap.nextPeriodStart,
    });
  }

  const maxBalance = policy.maxBalanceForTopUp;
  if (maxBalance !== null && balance > maxBalance) {
    return refuse('TOP_UP_BALANCE_ABOVE_THRESHOLD', { balance, maxBalance, unit: policy.unit });
  }
  return { ok: true, offers, cap };
}

/**
 * Whether the holder may buy `amount` now, under the same rules as `topUpOffers`. The API asks
 * when the payment starts and again when the payment is credited (with the purchases credited
 * meanwhile, not yet this one), so two payments started side by side cannot pass the cap together.
 */
export function decideTopUp(
  input: TopUpInput & { readonly amount: number },
): Outcome<{ readonly offer: TopUpOffer; readonly cap: CapStatus | null }, TopUpDecisionRefusal> {
  const allowed = topUpOffers(input);
  if (!allowed.ok) return allowed;
  const offer = allowed.offers.find((candidate) => candidate.amount === input.amount);
  if (offer) return { ok: true, offer, cap: allowed.cap };

  const { cap } = allowed;
  const unit = input.policy.unit;
  if (cap && purchasableAmounts(input.policy.amounts).includes(input.amount)) {
    return refuse('TOP_UP_EXCEEDS_CAP', {
      amount: input.amount,
      remaining: cap.remaining,
      unit: cap.unit,
      nextPeriodStart: cap.nextPeriodStart,
    });
  }
  return refuse('TOP_UP_AMOUNT_NOT_OFFERED', { amount: input.amount, unit });
}

/**
 * Where the holder stands against the period's maximum today, whether or not a top-up is allowed
 * now (a balance above the threshold does not change what is left of the year).
 */
export function capStatusToday(input: TopUpInput): CapStatus | null {
  return capStatus(input, localDateOf(input.now, input.timeZone));
}

function capStatus(input: TopUpInput, today: LocalDate): CapStatus | null {
  const { cap } = input.policy;
  if (!cap) return null;
  const current = periodOf(cap.period, today, input.permitStart);
  const used = sumInPeriod(
    input.purchases,
    (purchase) => (cap.measure === 'amount' ? purchase.amount : purchase.priceCents),
    current,
    cap.period,
    input.permitStart,
    input.timeZone,
  );
  return {
    period: cap.period,
    measure: cap.measure,
    unit: cap.measure === 'amount' ? input.policy.unit : 'cents',
    limit: cap.limit,
    used,
    // A limit lowered during a period can leave `used` above it: nothing remains, not a debt.
    remaining: Math.max(0, cap.limit - used),
    periodStart: current.start,
    nextPeriodStart: current.nextStart,
  };
}

function measureOf(offer: TopUpOffer, cap: CapStatus): number {
  return cap.measure === 'amount' ? offer.amount : offer.priceCents;
}
