import { balanceUnits, type BalanceUnit } from '@parkeer/shared/balance-unit';
import { holderTypes } from '@parkeer/shared/holder-type';
import type { RefundOccasion, TopUpPolicy } from '../balance/top-up-policy.js';
import { compareLocalDates, isLocalDate, type LocalDate } from '../time/local-date.js';
import { ProblemList, type SettingProblem } from './settings-problem.js';

export interface TopUpPolicyContext {
  /** The product's balance unit: the policy must count in it. */
  readonly unit: BalanceUnit;
  /** The codes of the municipality's zones, which price lines may name. */
  readonly zoneCodes: readonly string[];
  /** Today, local: lines from before or on it are in effect or past, and may not change. */
  readonly today: LocalDate;
  /** The policy stored now, whose past lines must stay as they are. */
  readonly previous: TopUpPolicy | null;
}

const periods = ['calendarYear', 'permitYear'] as const;
const minutesInLeapYear = 366 * 24 * 60;
/** A cap counts a year's purchases: room for a year of the largest amounts, within 32 bits. */
const maxCapLimit = 1_000_000_000;
const occasions: readonly RefundOccasion[] = [
  'movedToOtherZone',
  'movedOutOfPaidParking',
  'holderDied',
  'permitEnded',
];

type Json = Record<string, unknown>;

/**
 * Every problem of a top-up policy as an admin entered it (it arrives as JSON, so its shape is
 * checked too). Besides each value on its own: a cap smaller than the smallest purchase, and
 * price or fee lines already in effect that were changed or removed (the past keeps its prices).
 */
export function validateTopUpPolicy(
  policy: unknown,
  context: TopUpPolicyContext,
  at = 'topUpPolicy',
): SettingProblem[] {
  const list = new ProblemList();
  if (!list.object(policy, at)) return list.problems;
  if (list.choice(policy.unit, balanceUnits, `${at}.unit`) && policy.unit !== context.unit) {
    list.add('SETTING_UNIT_MISMATCH', `${at}.unit`);
  }
  const smallestPurchase = checkAmounts(list, policy.amounts, `${at}.amounts`);
  checkPricing(list, policy.pricing, context, `${at}.pricing`);
  checkPastPricing(list, policy.pricing, context, `${at}.pricing`);
  list.count(policy.maxBalanceForTopUp, `${at}.maxBalanceForTopUp`, {
    nullable: true,
    allowZero: true,
  });
  if (policy.cap !== null && list.object(policy.cap, `${at}.cap`)) {
    const cap = policy.cap;
    list.choice(cap.period, periods, `${at}.cap.period`);
    const measure = list.choice(cap.measure, ['amount', 'price'] as const, `${at}.cap.measure`);
    const limitOk = list.count(cap.limit, `${at}.cap.limit`, { max: maxCapLimit });
    if (limitOk && measure && cap.measure === 'amount') {
      if (smallestPurchase !== null && (cap.limit as number) < smallestPurchase) {
        list.add('SETTING_CAP_BELOW_BLOCK', `${at}.cap.limit`);
      }
    }
  }
  if (list.list(policy.applicationFees, `${at}.applicationFees`)) {
    const feeDates = new Set<unknown>();
    policy.applicationFees.forEach((fee, index) => {
      const path = `${at}.applicationFees[${index}]`;
      if (!list.object(fee, path)) return;
      checkDate(list, fee.validFrom, `${path}.validFrom`);
      if (feeDates.has(fee.validFrom)) list.add('SETTING_DUPLICATE_LINE', `${path}.validFrom`);
      feeDates.add(fee.validFrom);
      list.count(fee.feeCents, `${path}.feeCents`, { allowZero: true });
    });
    checkPastLines(
      list,
      policy.applicationFees,
      context.previous?.applicationFees ?? [],
      context.today,
      `${at}.applicationFees`,
    );
  }
  if (policy.careGrant !== null && list.object(policy.careGrant, `${at}.careGrant`)) {
    // Care time is free time: only a balance of minutes can receive it.
    if (context.unit !== 'minutes') list.add('SETTING_UNIT_MISMATCH', `${at}.careGrant`);
    list.choice(policy.careGrant.period, periods, `${at}.careGrant.period`);
    list.count(policy.careGrant.limitMinutes, `${at}.careGrant.limitMinutes`, {
      max: minutesInLeapYear,
    });
  }
  if (list.object(policy.unusedBalance, `${at}.unusedBalance`)) {
    const unused = policy.unusedBalance;
    const kind = list.choice(
      unused.kind,
      ['lapse', 'refundOnRequest'] as const,
      `${at}.unusedBalance.kind`,
    );
    if (
      kind &&
      unused.kind === 'refundOnRequest' &&
      list.list(unused.occasions, `${at}.unusedBalance.occasions`)
    ) {
      unused.occasions.forEach((occasion, index) =>
        list.choice(occasion, occasions, `${at}.unusedBalance.occasions[${index}]`),
      );
    }
  }
  return list.problems;
}

/** Checks the purchase amounts; returns the smallest amount one purchase adds, if known. */
function checkAmounts(list: ProblemList, amounts: unknown, at: string): number | null {
  if (!list.object(amounts, at)) return null;
  if (!list.choice(amounts.kind, ['blocks', 'presets'] as const, `${at}.kind`)) return null;
  if (amounts.kind === 'blocks') {
    // The offers list every number of blocks one purchase may have: keep that list short.
    list.count(amounts.maxBlocksPerPurchase, `${at}.maxBlocksPerPurchase`, { max: 100 });
    return list.count(amounts.blockSize, `${at}.blockSize`) ? (amounts.blockSize as number) : null;
  }
  if (!list.list(amounts.presets, `${at}.presets`)) return null;
  if (amounts.presets.length === 0) list.add('SETTING_REQUIRED', `${at}.presets`);
  if (amounts.presets.length > 20) list.add('SETTING_TOO_LARGE', `${at}.presets`, { max: 20 });
  const valid = amounts.presets.filter((preset, index) =>
    list.count(preset, `${at}.presets[${index}]`),
  ) as number[];
  return valid.length > 0 ? Math.min(...valid) : null;
}

function checkPricing(
  list: ProblemList,
  pricing: unknown,
  context: TopUpPolicyContext,
  at: string,
) {
  if (!list.object(pricing, at)) return;
  if (!list.choice(pricing.kind, ['perUnit', 'faceValue'] as const, `${at}.kind`)) return;
  if (pricing.kind === 'faceValue') {
    // Face value means N cents cost N cents: only a money balance can be sold that way.
    if (context.unit !== 'cents') list.add('SETTING_UNIT_MISMATCH', `${at}.kind`);
    return;
  }
  list.count(pricing.unitAmount, `${at}.unitAmount`);
  if (!list.list(pricing.prices, `${at}.prices`)) return;
  const seen = new Set<string>();
  pricing.prices.forEach((line, index) => {
    const path = `${at}.prices[${index}]`;
    if (!list.object(line, path)) return;
    checkDate(list, line.validFrom, `${path}.validFrom`);
    list.choice(line.holderType, holderTypes, `${path}.holderType`);
    if (list.list(line.zones, `${path}.zones`)) {
      if (line.zones.length === 0) list.add('SETTING_REQUIRED', `${path}.zones`);
      line.zones.forEach((zone, z) => {
        if (typeof zone !== 'string' || !context.zoneCodes.includes(zone)) {
          list.add('SETTING_UNKNOWN_ZONE', `${path}.zones[${z}]`);
        }
        // Two prices for one zone, holder type and date: which one applies would be chance.
        const key = JSON.stringify([zone, line.holderType, line.validFrom]);
        if (seen.has(key)) list.add('SETTING_DUPLICATE_LINE', `${path}.zones[${z}]`);
        seen.add(key);
      });
    }
    list.count(line.priceCents, `${path}.priceCents`, { nullable: true, allowZero: true });
  });
  const previous = context.previous?.pricing;
  checkPastLines(
    list,
    pricing.prices,
    previous?.kind === 'perUnit' ? previous.prices : [],
    context.today,
    `${at}.prices`,
  );
}

/**
 * Once a price line is in effect, what it means is fixed too: the amount one price buys
 * (`unitAmount`) and the kind of pricing. Changing either would reprice the past.
 */
function checkPastPricing(
  list: ProblemList,
  pricing: unknown,
  context: TopUpPolicyContext,
  at: string,
): void {
  const previous = context.previous?.pricing;
  if (previous?.kind !== 'perUnit') return;
  const inEffect = previous.prices.some(
    (line) => compareLocalDates(line.validFrom, context.today) <= 0,
  );
  if (!inEffect || typeof pricing !== 'object' || pricing === null) return;
  const next = pricing as Json;
  if (next.kind !== 'perUnit') list.add('SETTING_PAST_PRICE_CHANGED', `${at}.kind`);
  else if (next.unitAmount !== previous.unitAmount) {
    list.add('SETTING_PAST_PRICE_CHANGED', `${at}.unitAmount`);
  }
}

function checkDate(list: ProblemList, value: unknown, path: string): void {
  if (typeof value !== 'string' || !isLocalDate(value)) list.add('REGIME_INVALID_DATE', path);
}

/** Lines dated today or earlier are in effect or past: each must still be there, unchanged. */
function checkPastLines(
  list: ProblemList,
  lines: readonly unknown[],
  previous: readonly { validFrom: LocalDate }[],
  today: LocalDate,
  at: string,
): void {
  const key = (line: unknown) => JSON.stringify(sortedKeys(line));
  const isPast = (line: unknown) => {
    const from = (line as Json | null)?.validFrom;
    return typeof from === 'string' && isLocalDate(from) && compareLocalDates(from, today) <= 0;
  };
  const remaining = previous.filter(isPast).map(key);
  lines.forEach((line, index) => {
    if (!isPast(line)) return;
    const found = remaining.indexOf(key(line));
    if (found >= 0) remaining.splice(found, 1);
    else list.add('SETTING_PAST_PRICE_CHANGED', `${at}[${index}]`);
  });
  // A past line that is gone was removed, which rewrites the past just as much.
  if (remaining.length > 0) list.add('SETTING_PAST_PRICE_CHANGED', at);
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortedKeys((value as Json)[k])]),
  );
}

/** The policy after validation found nothing: the JSON is one. */
export const asTopUpPolicy = (policy: unknown) => policy as TopUpPolicy;
