import { errorMessage } from '@parkeer/shared/messages/error-catalogue';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Refusal } from '../result.js';
import { addDays, toLocalDate, type LocalDate } from '../time/local-date.js';
import { instantAt, localDateOf } from '../time/zoned-time.js';
import { decideTopUp, topUpOffers, type TopUpInput, type TopUpPurchase } from './top-up-offers.js';
import {
  delftTopUpPolicy,
  moneyCapTopUpPolicy,
  permitYearTopUpPolicy,
} from './top-up-policy.examples.js';
import type { TopUpPolicy } from './top-up-policy.js';

const tz = 'Europe/Amsterdam';
const hours = (h: number) => h * 60;
const block = hours(200);

/** An instant given as Amsterdam wall-clock time. */
const local = (date: LocalDate, hh = 12, mm = 0) => instantAt(date, hh * 60 + mm, tz);
const bought = (at: Date, amount = block, priceCents = 1935): TopUpPurchase => ({
  at,
  amount,
  priceCents,
});

const delft = (overrides: Partial<TopUpInput> = {}): TopUpInput => ({
  policy: delftTopUpPolicy,
  balance: 0,
  purchases: [],
  permitStart: '2021-05-01',
  zone: 'C',
  holderType: 'resident',
  now: local('2026-10-01'),
  timeZone: tz,
  ...overrides,
});

/** The refusal's message is complete: every placeholder is filled from the params. */
function expectFilledMessage(refusal: Refusal) {
  for (const language of ['nl', 'en'] as const) {
    expect(errorMessage(refusal.reason, language, refusal.params)).not.toMatch(/\{\w+\}/);
  }
}

describe('docs/rules.md §4: Delft top-up in blocks of 200 hours, at most 600 hours per calendar year', () => {
  const threeBlocks2026 = [
    bought(local('2026-01-10')),
    bought(local('2026-04-02')),
    bought(local('2026-08-20')),
  ];

  it('refuses a fourth 200-hour block in one calendar year, saying when the next year starts', () => {
    const result = topUpOffers(delft({ purchases: threeBlocks2026 }));
    expect(result).toEqual({
      ok: false,
      reason: 'TOP_UP_CAP_REACHED',
      params: {
        limit: 36000,
        used: 36000,
        remaining: 0,
        unit: 'minutes',
        nextPeriodStart: '2027-01-01',
      },
    });
    if (!result.ok) expectFilledMessage(result);
    expect(decideTopUp({ ...delft({ purchases: threeBlocks2026 }), amount: block })).toMatchObject({
      ok: false,
      reason: 'TOP_UP_CAP_REACHED',
    });
  });

  it('offers a third block after two, and a block again in the new year', () => {
    const twoBlocks = threeBlocks2026.slice(0, 2);
    expect(topUpOffers(delft({ purchases: twoBlocks }))).toEqual({
      ok: true,
      offers: [{ amount: block, priceCents: 1935, feeCents: 0, totalCents: 1935 }],
      cap: {
        period: 'calendarYear',
        measure: 'amount',
        unit: 'minutes',
        limit: 36000,
        used: 24000,
        remaining: 12000,
        periodStart: '2026-01-01',
        nextPeriodStart: '2027-01-01',
      },
    });
    const nextYear = topUpOffers(
      delft({ purchases: threeBlocks2026, now: local('2027-01-01', 0) }),
    );
    expect(nextYear).toMatchObject({ ok: true, cap: { used: 0, periodStart: '2027-01-01' } });
  });

  it('refuses a top-up at 61 hours and allows it at exactly 60 hours', () => {
    const at61 = topUpOffers(delft({ balance: hours(61) }));
    expect(at61).toEqual({
      ok: false,
      reason: 'TOP_UP_BALANCE_ABOVE_THRESHOLD',
      params: { balance: 3660, maxBalance: 3600, unit: 'minutes' },
    });
    if (!at61.ok) expectFilledMessage(at61);
    expect(topUpOffers(delft({ balance: hours(60) + 1 })).ok).toBe(false);
    expect(topUpOffers(delft({ balance: hours(60) }))).toMatchObject({
      ok: true,
      offers: [{ amount: block }],
    });
    expect(topUpOffers(delft({ balance: -30 })).ok).toBe(true);
  });

  it('gives the cap as the reason when the cap is reached and the balance is high too', () => {
    const result = topUpOffers(delft({ purchases: threeBlocks2026, balance: hours(300) }));
    expect(result).toMatchObject({ ok: false, reason: 'TOP_UP_CAP_REACHED' });
  });

  it.each([
    ['B', 'resident', 3820],
    ['B', 'business', 11480],
    ['C', 'resident', 1935],
    ['TU', 'resident', 1935],
    ['Z', 'business', 3015],
    ['H', 'resident', 1935],
    ['H', 'business', 3015],
  ] as const)('prices a block in zone %s for a %s at %i cents', (zone, holderType, price) => {
    expect(topUpOffers(delft({ zone, holderType }))).toMatchObject({
      ok: true,
      offers: [{ amount: block, priceCents: price, totalCents: price }],
    });
  });

  it('has no price for businesses in zone TU, nor for a zone the price list does not name', () => {
    const tu = topUpOffers(delft({ zone: 'TU', holderType: 'business' }));
    expect(tu).toEqual({
      ok: false,
      reason: 'TOP_UP_NO_PRICE',
      params: { zone: 'TU', holderType: 'business' },
    });
    if (!tu.ok) expectFilledMessage(tu);
    expect(topUpOffers(delft({ zone: 'D' }))).toMatchObject({
      ok: false,
      reason: 'TOP_UP_NO_PRICE',
    });
  });

  it('has no price before the price list takes effect on 1 November 2020', () => {
    const lastOctober = topUpOffers(delft({ now: local('2020-10-31', 23, 59) }));
    expect(lastOctober).toMatchObject({ ok: false, reason: 'TOP_UP_NO_PRICE' });
    expect(topUpOffers(delft({ now: local('2020-11-01', 0, 0) })).ok).toBe(true);
  });

  it('adds the €5.90 administration fee only when the purchase is part of an application', () => {
    expect(topUpOffers(delft({ isApplication: true }))).toMatchObject({
      ok: true,
      offers: [{ amount: block, priceCents: 1935, feeCents: 590, totalCents: 2525 }],
    });
    expect(topUpOffers(delft({ isApplication: false }))).toMatchObject({
      offers: [{ feeCents: 0, totalCents: 1935 }],
    });
    // The 2024 fee takes effect on 1 January 2024; before it, this policy names no fee.
    expect(topUpOffers(delft({ isApplication: true, now: local('2023-12-31') }))).toMatchObject({
      offers: [{ feeCents: 0, totalCents: 1935 }],
    });
  });

  it('refuses any top-up on a product delegated to the person asking (003)', () => {
    const result = topUpOffers(delft({ isDelegated: true }));
    expect(result).toEqual({ ok: false, reason: 'TOP_UP_DELEGATED_PRODUCT' });
    if (!result.ok) expectFilledMessage(result);
  });

  it('offers several blocks per purchase only as the policy allows, within the cap', () => {
    const threeAtOnce: TopUpPolicy = {
      ...delftTopUpPolicy,
      amounts: { kind: 'blocks', blockSize: block, maxBlocksPerPurchase: 3 },
    };
    const offered = topUpOffers(
      delft({ policy: threeAtOnce, purchases: [bought(local('2026-02-01'))] }),
    );
    expect(offered.ok && offered.offers.map((offer) => [offer.amount, offer.priceCents])).toEqual([
      [12000, 1935],
      [24000, 3870],
    ]);
    expect(topUpOffers(delft()).ok && topUpOffers(delft())).toMatchObject({
      offers: [{ amount: 12000 }],
    });
  });
});

describe('docs/rules.md §4: the calendar year runs 1 January – 31 December in Amsterdam time', () => {
  // 23:30 on 31 December in Amsterdam is 22:30 UTC: the purchase belongs to 2026.
  const newYearsEve = new Date('2026-12-31T22:30:00Z');
  const purchases = [bought(local('2026-02-01')), bought(local('2026-06-01')), bought(newYearsEve)];

  it('counts a purchase at 23:30 on 31 December for that year', () => {
    expect(localDateOf(newYearsEve, tz)).toBe('2026-12-31');
    const lateThatNight = topUpOffers(delft({ purchases, now: new Date('2026-12-31T22:50:00Z') }));
    expect(lateThatNight).toMatchObject({ ok: false, reason: 'TOP_UP_CAP_REACHED' });
  });

  it('opens the new year at local midnight, while it is still 31 December in UTC', () => {
    const tenPastMidnight = new Date('2026-12-31T23:10:00Z');
    expect(topUpOffers(delft({ purchases, now: tenPastMidnight }))).toMatchObject({
      ok: true,
      cap: { used: 0, periodStart: '2027-01-01', nextPeriodStart: '2028-01-01' },
    });
  });

  it('counts a purchase at 00:30 on 1 January local time (23:30 UTC) for the new year', () => {
    const firstOfJanuary = bought(new Date('2026-12-31T23:30:00Z'));
    expect(
      topUpOffers(delft({ purchases: [firstOfJanuary], now: local('2027-03-01') })),
    ).toMatchObject({
      ok: true,
      cap: { used: 12000 },
    });
    expect(
      topUpOffers(delft({ purchases: [firstOfJanuary], now: local('2026-12-31', 20) })),
    ).toMatchObject({
      ok: true,
      cap: { used: 0 },
    });
  });
});

describe('docs/rules.md §4: at most 500 hours per permit year (002)', () => {
  const perYear = (overrides: Partial<TopUpInput> = {}): TopUpInput => ({
    policy: permitYearTopUpPolicy,
    balance: hours(400),
    purchases: [],
    permitStart: '2025-03-15',
    zone: 'centrum',
    holderType: 'resident',
    now: local('2025-09-01'),
    timeZone: tz,
    ...overrides,
  });
  // 9 × 50 h + 2 × 20 h + 5 h = 495 h in the first permit year.
  const firstYear = [
    ...Array.from({ length: 9 }, (_, i) =>
      bought(local(addDays('2025-03-15', i * 30)), hours(50), 5500),
    ),
    bought(local('2025-12-01'), hours(20), 2200),
    bought(local('2026-01-05'), hours(20), 2200),
    bought(local('2026-03-14', 23, 59), hours(5), 550),
  ];

  it('offers only what fits in the rest of the permit year, at the hourly price, at any balance', () => {
    const result = topUpOffers(perYear({ purchases: firstYear, now: local('2026-03-14', 23, 59) }));
    expect(result).toEqual({
      ok: true,
      offers: [
        { amount: 60, priceCents: 110, feeCents: 0, totalCents: 110 },
        { amount: 300, priceCents: 550, feeCents: 0, totalCents: 550 },
      ],
      cap: {
        period: 'permitYear',
        measure: 'amount',
        unit: 'minutes',
        limit: 30000,
        used: 29700,
        remaining: 300,
        periodStart: '2025-03-15',
        nextPeriodStart: '2026-03-15',
      },
    });
  });

  it('refuses what no longer fits, and starts a new permit year on the anniversary', () => {
    const full = [...firstYear, bought(local('2026-03-10'), hours(5), 550)];
    const lastDay = topUpOffers(perYear({ purchases: full, now: local('2026-03-14', 23, 59) }));
    expect(lastDay).toMatchObject({
      ok: false,
      reason: 'TOP_UP_CAP_REACHED',
      params: { limit: 30000, used: 30000, nextPeriodStart: '2026-03-15' },
    });
    const anniversary = topUpOffers(perYear({ purchases: full, now: local('2026-03-15', 0) }));
    expect(anniversary).toMatchObject({
      ok: true,
      cap: { used: 0, remaining: 30000, periodStart: '2026-03-15', nextPeriodStart: '2027-03-15' },
    });
  });

  it('refuses a preset that exceeds the rest of the cap, with what remains', () => {
    const result = decideTopUp({
      ...perYear({ purchases: firstYear, now: local('2026-03-01') }),
      amount: hours(10),
    });
    expect(result).toEqual({
      ok: false,
      reason: 'TOP_UP_EXCEEDS_CAP',
      params: { amount: 600, remaining: 300, unit: 'minutes', nextPeriodStart: '2026-03-15' },
    });
    if (!result.ok) expectFilledMessage(result);
  });

  it('counts a purchase made with the application, before the permit starts, in the first year', () => {
    const withApplication = [bought(local('2025-03-10'), hours(50), 5500)];
    expect(
      topUpOffers(perYear({ purchases: withApplication, now: local('2025-03-12') })),
    ).toMatchObject({
      ok: true,
      cap: { used: 3000, periodStart: '2025-03-15', nextPeriodStart: '2026-03-15' },
    });
    expect(
      topUpOffers(perYear({ purchases: withApplication, now: local('2025-04-01') })),
    ).toMatchObject({
      cap: { used: 3000 },
    });
  });

  it('follows a permit that started on 29 February from anniversary to anniversary', () => {
    const leap = (now: Date) => topUpOffers(perYear({ permitStart: '2024-02-29', now }));
    expect(leap(local('2025-02-27'))).toMatchObject({
      cap: { periodStart: '2024-02-29', nextPeriodStart: '2025-02-28' },
    });
    expect(leap(local('2025-02-28'))).toMatchObject({
      cap: { periodStart: '2025-02-28', nextPeriodStart: '2026-02-28' },
    });
    expect(leap(local('2028-03-01'))).toMatchObject({
      cap: { periodStart: '2028-02-29', nextPeriodStart: '2029-02-28' },
    });
  });
});

describe('docs/rules.md §4: a maximum top-up amount in money per year (003)', () => {
  const money = (overrides: Partial<TopUpInput> = {}): TopUpInput => ({
    policy: moneyCapTopUpPolicy,
    balance: 4000,
    purchases: [],
    permitStart: '2023-06-01',
    zone: 'binnenstad',
    holderType: 'resident',
    now: local('2026-07-01'),
    timeZone: tz,
    ...overrides,
  });
  const spent = [
    bought(local('2026-01-03'), 5000, 5000),
    bought(local('2026-03-03'), 5000, 5000),
    bought(local('2026-05-03'), 2500, 2500),
    bought(local('2025-12-31', 23, 30), 5000, 5000),
  ];

  it('offers the presets that fit in the money left this year, costing their face value', () => {
    expect(topUpOffers(money({ purchases: spent }))).toEqual({
      ok: true,
      offers: [
        { amount: 1000, priceCents: 1000, feeCents: 0, totalCents: 1000 },
        { amount: 2500, priceCents: 2500, feeCents: 0, totalCents: 2500 },
      ],
      cap: {
        period: 'calendarYear',
        measure: 'price',
        unit: 'cents',
        limit: 15000,
        used: 12500,
        remaining: 2500,
        periodStart: '2026-01-01',
        nextPeriodStart: '2027-01-01',
      },
    });
  });

  it('says the maximum is reached and when the new period starts', () => {
    const full = [...spent, bought(local('2026-06-03'), 2500, 2500)];
    const result = topUpOffers(money({ purchases: full }));
    expect(result).toMatchObject({
      ok: false,
      reason: 'TOP_UP_CAP_REACHED',
      params: { limit: 15000, used: 15000, unit: 'cents', nextPeriodStart: '2027-01-01' },
    });
  });

  it('accepts only a preset amount', () => {
    const result = decideTopUp({ ...money(), amount: 3000 });
    expect(result).toEqual({
      ok: false,
      reason: 'TOP_UP_AMOUNT_NOT_OFFERED',
      params: { amount: 3000, unit: 'cents' },
    });
    if (!result.ok) expectFilledMessage(result);
    expect(decideTopUp({ ...money(), amount: 2500 })).toMatchObject({
      ok: true,
      offer: { amount: 2500, totalCents: 2500 },
    });
  });

  it('caps what is paid, not what is credited, when time is sold against a money cap', () => {
    const moneyCappedHours: TopUpPolicy = {
      ...delftTopUpPolicy,
      maxBalanceForTopUp: null,
      cap: { period: 'calendarYear', measure: 'price', limit: 5000 },
    };
    const twoBlocks = [bought(local('2026-01-03')), bought(local('2026-02-03'))];
    expect(topUpOffers(delft({ policy: moneyCappedHours, purchases: twoBlocks }))).toMatchObject({
      ok: false,
      reason: 'TOP_UP_CAP_REACHED',
      params: { limit: 5000, used: 3870, remaining: 1130, unit: 'cents' },
    });
  });
});

describe('docs/rules.md §4: a price change takes effect from its date; the past keeps its prices', () => {
  const newPrices: TopUpPolicy = {
    ...delftTopUpPolicy,
    pricing: {
      ...delftTopUpPolicy.pricing,
      prices: [
        ...delftTopUpPolicy.pricing.prices,
        { validFrom: '2027-01-01', zones: ['C'], holderType: 'resident', priceCents: 2150 },
        { validFrom: '2027-01-01', zones: ['H'], holderType: 'business', priceCents: null },
      ],
    },
  };

  it('uses the price in effect on the local date of now', () => {
    const price = (now: Date, zone = 'C') => {
      const result = topUpOffers(delft({ policy: newPrices, zone, now }));
      return result.ok ? result.offers[0]?.priceCents : result.reason;
    };
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    expect(price(new Date('2026-12-31T22:59:00Z'))).toBe(1935);
    expect(price(new Date('2026-12-31T23:00:00Z'))).toBe(2150);
    expect(price(local('2030-06-01'))).toBe(2150);
    expect(price(local('2026-06-01'), 'E')).toBe(1935);
    expect(price(local('2027-06-01'), 'E')).toBe(1935);
  });

  it('stops selling where a price line from a date says null', () => {
    const hBusiness = (now: Date) =>
      topUpOffers(delft({ policy: newPrices, zone: 'H', holderType: 'business', now }));
    expect(hBusiness(local('2026-12-31'))).toMatchObject({
      ok: true,
      offers: [{ priceCents: 3015 }],
    });
    expect(hBusiness(local('2027-01-01'))).toMatchObject({ ok: false, reason: 'TOP_UP_NO_PRICE' });
  });
});

describe('docs/rules.md §4: a chosen top-up is checked when the payment starts and when it is credited', () => {
  it('refuses at crediting a payment that another credited payment has pushed over the cap', () => {
    const twoBlocks = [bought(local('2026-01-10')), bought(local('2026-04-02'))];
    const started = decideTopUp({ ...delft({ purchases: twoBlocks }), amount: block });
    expect(started).toMatchObject({ ok: true, offer: { amount: block, totalCents: 1935 } });
    const other = bought(local('2026-10-01', 12, 1));
    const credited = decideTopUp({
      ...delft({ purchases: [...twoBlocks, other], now: local('2026-10-01', 12, 2) }),
      amount: block,
    });
    expect(credited).toMatchObject({ ok: false, reason: 'TOP_UP_CAP_REACHED' });
  });

  it('refuses an amount that is not a whole number of allowed blocks', () => {
    for (const amount of [6000, 24000, 0, -12000, 12000.5]) {
      expect(decideTopUp({ ...delft(), amount })).toMatchObject({
        ok: false,
        reason: 'TOP_UP_AMOUNT_NOT_OFFERED',
      });
    }
  });
});

describe('docs/rules.md §4: properties of top-up offers', () => {
  const dateArb = fc
    .integer({ min: 0, max: 3 * 365 })
    .map((offset) => addDays('2025-01-01', offset));
  const instantArb = fc
    .tuple(dateArb, fc.integer({ min: 0, max: 1439 }))
    .map(([date, minute]) => instantAt(date, minute, tz));
  const policyArb = fc
    .record({
      blockSize: fc.integer({ min: 1, max: 20000 }),
      maxBlocks: fc.integer({ min: 1, max: 5 }),
      limit: fc.integer({ min: 1, max: 100000 }),
      maxBalance: fc.option(fc.integer({ min: 0, max: 10000 }), { nil: null }),
    })
    .map(({ blockSize, maxBlocks, limit, maxBalance }): TopUpPolicy => ({
      ...delftTopUpPolicy,
      amounts: { kind: 'blocks', blockSize, maxBlocksPerPurchase: maxBlocks },
      pricing: { ...delftTopUpPolicy.pricing, unitAmount: blockSize },
      maxBalanceForTopUp: maxBalance,
      cap: { period: 'calendarYear', measure: 'amount', limit },
    }));
  const purchasesArb = fc.array(
    fc.record({
      at: instantArb,
      amount: fc.integer({ min: 1, max: 30000 }),
      priceCents: fc.nat(5000),
    }),
    { maxLength: 12 },
  );
  const inputArb = fc
    .record({
      policy: policyArb,
      purchases: purchasesArb,
      now: instantArb,
      balance: fc.integer({ min: -1000, max: 20000 }),
    })
    .map(({ policy, purchases, now, balance }) => delft({ policy, purchases, now, balance }));

  /** The calendar year of an instant, read independently of the code under test. */
  const yearOf = (at: Date) => localDateOf(at, tz).slice(0, 4);
  const usedThisYear = (input: TopUpInput) =>
    input.purchases
      .filter((purchase) => yearOf(purchase.at) === yearOf(input.now))
      .reduce((sum, purchase) => sum + purchase.amount, 0);

  it('never offers more than the cap leaves in the calendar year', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = topUpOffers(input);
        if (!result.ok) return;
        const limit = input.policy.cap?.limit ?? Infinity;
        expect(result.offers.length).toBeGreaterThan(0);
        for (const offer of result.offers) {
          expect(usedThisYear(input) + offer.amount).toBeLessThanOrEqual(limit);
        }
      }),
    );
  });

  it('never offers anything while the balance is above the threshold', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const max = input.policy.maxBalanceForTopUp;
        if (max !== null && input.balance > max) expect(topUpOffers(input).ok).toBe(false);
      }),
    );
  });

  it('refuses for the cap only when not even one block fits', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = topUpOffers(input);
        const { amounts, cap } = input.policy;
        if (amounts.kind !== 'blocks' || !cap) return;
        const oneBlockFits = usedThisYear(input) + amounts.blockSize <= cap.limit;
        expect(!result.ok && result.reason === 'TOP_UP_CAP_REACHED').toBe(!oneBlockFits);
      }),
    );
  });

  it('accepts a chosen amount exactly when it is among the offers', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 6 }), (input, blocks) => {
        if (input.policy.amounts.kind !== 'blocks') return;
        const amount = blocks * input.policy.amounts.blockSize;
        const offers = topUpOffers(input);
        const decision = decideTopUp({ ...input, amount });
        const offered = offers.ok && offers.offers.some((offer) => offer.amount === amount);
        expect(decision.ok).toBe(offered);
      }),
    );
  });

  it('reports the period that contains now, in local time', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = topUpOffers(input);
        if (!result.ok || !result.cap) return;
        const year = Number(yearOf(input.now));
        expect(result.cap.periodStart).toBe(toLocalDate(year, 1, 1));
        expect(result.cap.nextPeriodStart).toBe(toLocalDate(year + 1, 1, 1));
      }),
    );
  });
});
