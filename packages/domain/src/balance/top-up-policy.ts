import type { HolderType } from '@parkeer/shared/holder-type';
import type { BalanceUnit } from '@parkeer/shared/balance-unit';
import { compareLocalDates, isLocalDate, type LocalDate } from '../time/local-date.js';

/**
 * A municipality's rules for adding to a visitor balance (docs/rules.md §4). Plain data: the API stores
 * it as JSON per municipality and an administrator edits it, so every difference between
 * municipalities is a value here, never a branch on the municipality's name.
 *
 * Amounts are in the policy's balance `unit` (integer minutes or integer euro cents); prices and
 * fees are integer euro cents; dates are local calendar dates in the municipality's time zone.
 */
export interface TopUpPolicy {
  /** What the balance counts: minutes of parking time, or euro cents. */
  readonly unit: BalanceUnit;
  /** Which amounts one purchase may add. */
  readonly amounts: TopUpAmounts;
  /** What a purchase costs. */
  readonly pricing: TopUpPricing;
  /**
   * The highest balance at which a top-up is still allowed (Delft: 3600 = 60 h, "60 uur of
   * minder"); null: a top-up is allowed at any balance.
   */
  readonly maxBalanceForTopUp: number | null;
  /** How much may be bought per period; null: no cap. */
  readonly cap: TopUpCap | null;
  /**
   * The administration fee (leges) per product, added when a purchase is part of an application;
   * the entry in effect on the purchase's local date applies. Empty: no fee.
   */
  readonly applicationFees: readonly DatedFee[];
  /** Free extra time for informal care (mantelzorg); null: not granted here. */
  readonly careGrant: CareGrantPolicy | null;
  /** What happens to unused bought balance when the permit ends. */
  readonly unusedBalance: UnusedBalancePolicy;
}

/**
 * `blocks`: whole blocks of `blockSize`, from 1 to `maxBlocksPerPurchase` blocks in one purchase
 * (Delft: 12000 min, 1, so a holder at the threshold cannot buy the whole year's cap at once).
 * `presets`: exactly one of the listed amounts (money balances: €10, €25, …).
 */
export type TopUpAmounts =
  | { readonly kind: 'blocks'; readonly blockSize: number; readonly maxBlocksPerPurchase: number }
  | { readonly kind: 'presets'; readonly presets: readonly number[] };

/**
 * `perUnit`: `unitAmount` of balance costs the price in effect for the zone and holder type
 * (Delft: a block of 12000 min; a per-hour scheme: 60 min). `faceValue`: a money balance, where
 * adding N cents costs N cents, in every zone.
 */
export type TopUpPricing =
  | {
      readonly kind: 'perUnit';
      readonly unitAmount: number;
      readonly prices: readonly TopUpPrice[];
    }
  | { readonly kind: 'faceValue' };

/**
 * One line of a price list. For a zone and holder type, the line with the latest `validFrom` on
 * or before the local date of the purchase applies, so a change takes effect from its date and
 * the past keeps its prices. `priceCents: null` stops the sale from that date on.
 */
export interface TopUpPrice {
  readonly validFrom: LocalDate;
  readonly zones: readonly string[];
  readonly holderType: HolderType;
  readonly priceCents: number | null;
}

export interface DatedFee {
  readonly validFrom: LocalDate;
  readonly feeCents: number;
}

/**
 * `calendarYear`: 1 January to 31 December, local time. `permitYear`: from the permit's start
 * date to the day before its anniversary, and so on each year.
 */
export type CapPeriod = 'calendarYear' | 'permitYear';

/**
 * At most `limit` per period, counted as the balance `amount` bought (Delft: 36000 min) or as the
 * `price` paid in cents (a money cap). Purchases before and the offered amount together must
 * stay within it.
 */
export interface TopUpCap {
  readonly period: CapPeriod;
  readonly measure: 'amount' | 'price';
  readonly limit: number;
}

/** Free informal-care time, granted by the municipality on request: at most `limitMinutes` per period. */
export interface CareGrantPolicy {
  readonly period: CapPeriod;
  readonly limitMinutes: number;
}

/** Why a permit ends or is blocked, as far as a refund of unused balance depends on it. */
export type RefundOccasion =
  'movedToOtherZone' | 'movedOutOfPaidParking' | 'holderDied' | 'permitEnded';

/**
 * `lapse`: unused balance is lost when the permit ends (002). `refundOnRequest`: the unused
 * purchase is paid back on request, only on the listed occasions (004: moving, death).
 */
export type UnusedBalancePolicy =
  | { readonly kind: 'lapse' }
  | { readonly kind: 'refundOnRequest'; readonly occasions: readonly RefundOccasion[] };

/** The price-list line in effect for a zone and holder type on a date; undefined when none is. */
export function priceLineInEffect(
  prices: readonly TopUpPrice[],
  zone: string,
  holderType: HolderType,
  date: LocalDate,
): TopUpPrice | undefined {
  let current: TopUpPrice | undefined;
  for (const line of prices) {
    if (line.holderType !== holderType || !line.zones.includes(zone)) continue;
    if (compareLocalDates(line.validFrom, date) > 0) continue;
    if (!current || compareLocalDates(line.validFrom, current.validFrom) > 0) current = line;
  }
  return current;
}

/**
 * What adding `amount` costs for a zone and holder type on a date, in cents; null when it is not
 * sold. A per-unit price of a part of a unit is rounded half up to the cent (amounts are whole
 * units in practice; the rule only has to be stated).
 */
export function topUpPrice(
  pricing: TopUpPricing,
  amount: number,
  zone: string,
  holderType: HolderType,
  date: LocalDate,
): number | null {
  if (pricing.kind === 'faceValue') return amount;
  const line = priceLineInEffect(pricing.prices, zone, holderType, date);
  if (!line || line.priceCents === null) return null;
  return divideRoundingHalfUp(amount * line.priceCents, pricing.unitAmount);
}

/** The administration fee in effect on a date, in cents (0 when none is). */
export function applicationFeeInEffect(fees: readonly DatedFee[], date: LocalDate): number {
  let current: DatedFee | undefined;
  for (const fee of fees) {
    if (compareLocalDates(fee.validFrom, date) > 0) continue;
    if (!current || compareLocalDates(fee.validFrom, current.validFrom) > 0) current = fee;
  }
  return current?.feeCents ?? 0;
}

/** The amounts one purchase may add under the policy, ascending, before the cap is applied. */
export function purchasableAmounts(amounts: TopUpAmounts): number[] {
  if (amounts.kind === 'presets') return [...new Set(amounts.presets)].sort((a, b) => a - b);
  return Array.from(
    { length: amounts.maxBlocksPerPurchase },
    (_, index) => (index + 1) * amounts.blockSize,
  );
}

/** Integer division of non-negative integers, rounding half up, without floating-point error. */
function divideRoundingHalfUp(numerator: number, denominator: number): number {
  const doubled = 2 * numerator + denominator;
  const divisor = 2 * denominator;
  return (doubled - (doubled % divisor)) / divisor;
}

const isCount = (value: number) => Number.isSafeInteger(value) && value >= 0;
const isPositiveCount = (value: number) => Number.isSafeInteger(value) && value > 0;

/**
 * What is wrong with a policy an administrator entered, one line per problem (empty: valid). The
 * API checks this before it stores a policy, so the rules above can rely on it.
 */
export function topUpPolicyProblems(policy: TopUpPolicy): string[] {
  const problems: string[] = [];
  const { amounts, pricing } = policy;

  if (amounts.kind === 'blocks') {
    if (!isPositiveCount(amounts.blockSize)) problems.push('blockSize must be a positive integer');
    if (!isPositiveCount(amounts.maxBlocksPerPurchase)) {
      problems.push('maxBlocksPerPurchase must be a positive integer');
    }
  } else {
    if (amounts.presets.length === 0) problems.push('presets must not be empty');
    if (!amounts.presets.every(isPositiveCount)) problems.push('presets must be positive integers');
  }

  if (pricing.kind === 'faceValue') {
    if (policy.unit !== 'cents') problems.push('face-value pricing needs a balance in cents');
  } else {
    if (!isPositiveCount(pricing.unitAmount))
      problems.push('unitAmount must be a positive integer');
    const seen = new Set<string>();
    for (const line of pricing.prices) {
      if (!isLocalDate(line.validFrom))
        problems.push(`price validFrom ${line.validFrom} is not a date`);
      if (line.priceCents !== null && !isCount(line.priceCents)) {
        problems.push(`price ${line.priceCents} must be whole cents`);
      }
      if (line.zones.length === 0) problems.push(`price from ${line.validFrom} names no zone`);
      for (const zone of line.zones) {
        const key = `${zone}|${line.holderType}|${line.validFrom}`;
        if (seen.has(key)) {
          problems.push(`two prices for zone ${zone}, ${line.holderType}, from ${line.validFrom}`);
        }
        seen.add(key);
      }
    }
  }

  if (policy.maxBalanceForTopUp !== null && !Number.isSafeInteger(policy.maxBalanceForTopUp)) {
    problems.push('maxBalanceForTopUp must be an integer');
  }
  if (policy.cap && !isPositiveCount(policy.cap.limit))
    problems.push('cap limit must be a positive integer');

  const feeDates = new Set<string>();
  for (const fee of policy.applicationFees) {
    if (!isLocalDate(fee.validFrom)) problems.push(`fee validFrom ${fee.validFrom} is not a date`);
    if (!isCount(fee.feeCents)) problems.push(`fee ${fee.feeCents} must be whole cents`);
    if (feeDates.has(fee.validFrom)) problems.push(`two fees from ${fee.validFrom}`);
    feeDates.add(fee.validFrom);
  }

  if (policy.careGrant) {
    if (policy.unit !== 'minutes') problems.push('care grants need a balance in minutes');
    if (!isPositiveCount(policy.careGrant.limitMinutes)) {
      problems.push('care grant limit must be a positive integer');
    }
  }
  return problems;
}
