import { describe, expect, it } from 'vitest';
import {
  delftTopUpPolicy,
  moneyCapTopUpPolicy,
  permitYearTopUpPolicy,
} from './top-up-policy.examples.js';
import {
  applicationFeeInEffect,
  priceLineInEffect,
  purchasableAmounts,
  topUpPolicyProblems,
  topUpPrice,
  type TopUpPolicy,
  type TopUpPrice,
} from './top-up-policy.js';

describe('docs/rules.md §4: price lists with a date from which each price applies', () => {
  const prices: TopUpPrice[] = [
    { validFrom: '2020-11-01', zones: ['C', 'E'], holderType: 'resident', priceCents: 1935 },
    { validFrom: '2025-01-01', zones: ['C'], holderType: 'resident', priceCents: 2000 },
    { validFrom: '2023-01-01', zones: ['C'], holderType: 'resident', priceCents: 1990 },
    { validFrom: '2020-11-01', zones: ['C'], holderType: 'business', priceCents: 3015 },
  ];
  const priceOn = (date: string, zone = 'C') =>
    priceLineInEffect(prices, zone, 'resident', date)?.priceCents;

  it('applies the latest line that has started, whatever the order of the list', () => {
    expect(priceOn('2020-10-31')).toBeUndefined();
    expect(priceOn('2020-11-01')).toBe(1935);
    expect(priceOn('2022-12-31')).toBe(1935);
    expect(priceOn('2023-01-01')).toBe(1990);
    expect(priceOn('2024-12-31')).toBe(1990);
    expect(priceOn('2025-01-01')).toBe(2000);
    expect(priceOn('2025-01-01', 'E')).toBe(1935);
    expect(priceOn('2025-01-01', 'B')).toBeUndefined();
    expect(priceLineInEffect(prices, 'C', 'business', '2025-01-01')?.priceCents).toBe(3015);
  });

  it('prices a part of a unit pro rata, rounding half up to the cent', () => {
    const perHour = {
      kind: 'perUnit',
      unitAmount: 60,
      prices: [{ ...prices[0]!, priceCents: 111 }],
    } as const;
    expect(topUpPrice(perHour, 60, 'C', 'resident', '2026-01-01')).toBe(111);
    expect(topUpPrice(perHour, 600, 'C', 'resident', '2026-01-01')).toBe(1110);
    expect(topUpPrice(perHour, 30, 'C', 'resident', '2026-01-01')).toBe(56); // 55.5
    expect(topUpPrice(perHour, 20, 'C', 'resident', '2026-01-01')).toBe(37); // 37.0
    expect(topUpPrice(perHour, 10, 'C', 'resident', '2026-01-01')).toBe(19); // 18.5
    expect(topUpPrice(perHour, 1, 'C', 'resident', '2026-01-01')).toBe(2); // 1.85
    expect(topUpPrice({ kind: 'faceValue' }, 2500, 'any', 'business', '2026-01-01')).toBe(2500);
  });

  it('applies the administration fee in effect on the date', () => {
    const fees = [
      { validFrom: '2024-01-01', feeCents: 590 },
      { validFrom: '2023-01-01', feeCents: 550 },
    ];
    expect(applicationFeeInEffect(fees, '2022-12-31')).toBe(0);
    expect(applicationFeeInEffect(fees, '2023-06-01')).toBe(550);
    expect(applicationFeeInEffect(fees, '2024-01-01')).toBe(590);
  });

  it('lists the amounts of one purchase', () => {
    expect(purchasableAmounts(delftTopUpPolicy.amounts)).toEqual([12000]);
    expect(purchasableAmounts({ kind: 'blocks', blockSize: 100, maxBlocksPerPurchase: 3 })).toEqual(
      [100, 200, 300],
    );
    expect(purchasableAmounts({ kind: 'presets', presets: [5000, 1000, 2500, 1000] })).toEqual([
      1000, 2500, 5000,
    ]);
  });
});

describe('docs/rules.md §4: a policy an administrator enters is checked before it is stored', () => {
  it('accepts the three example municipalities', () => {
    expect(topUpPolicyProblems(delftTopUpPolicy)).toEqual([]);
    expect(topUpPolicyProblems(permitYearTopUpPolicy)).toEqual([]);
    expect(topUpPolicyProblems(moneyCapTopUpPolicy)).toEqual([]);
  });

  it('finds what is wrong', () => {
    const broken: TopUpPolicy = {
      ...delftTopUpPolicy,
      unit: 'cents',
      amounts: { kind: 'blocks', blockSize: 0, maxBlocksPerPurchase: 1.5 },
      pricing: {
        kind: 'perUnit',
        unitAmount: 12000,
        prices: [
          { validFrom: '2020-11-01', zones: ['B'], holderType: 'resident', priceCents: 3820 },
          { validFrom: '2020-11-01', zones: ['B', 'C'], holderType: 'resident', priceCents: 19.35 },
          { validFrom: '2020-13-01', zones: [], holderType: 'business', priceCents: 100 },
        ],
      },
      cap: { period: 'calendarYear', measure: 'amount', limit: 0 },
      applicationFees: [{ validFrom: '2024-01-01', feeCents: -590 }],
    };
    expect(topUpPolicyProblems(broken)).toEqual([
      'blockSize must be a positive integer',
      'maxBlocksPerPurchase must be a positive integer',
      'price 19.35 must be whole cents',
      'two prices for zone B, resident, from 2020-11-01',
      'price validFrom 2020-13-01 is not a date',
      'price from 2020-13-01 names no zone',
      'cap limit must be a positive integer',
      'fee -590 must be whole cents',
      'care grants need a balance in minutes',
    ]);
    expect(
      topUpPolicyProblems({
        ...moneyCapTopUpPolicy,
        unit: 'minutes',
        amounts: { kind: 'presets', presets: [] },
      }),
    ).toEqual(['presets must not be empty', 'face-value pricing needs a balance in cents']);
  });
});
