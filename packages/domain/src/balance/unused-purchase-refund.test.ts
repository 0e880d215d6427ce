import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { delftTopUpPolicy, permitYearTopUpPolicy } from './top-up-policy.examples.js';
import {
  unusedPurchaseRefund,
  unusedPurchaseValue,
  type BalanceCredit,
} from './unused-purchase-refund.js';

const block = 200 * 60;
const credit = (iso: string, amount: number, priceCents: number): BalanceCredit => ({
  at: new Date(iso),
  amount,
  priceCents,
});

describe('docs/rules.md §2 and §4: refund of the unused purchase, most recent purchases first', () => {
  const purchases = [
    credit('2025-02-01T10:00:00Z', block, 1935),
    credit('2026-03-01T10:00:00Z', block, 2150),
  ];

  it('values what is left at the price of the latest purchase first, then older ones', () => {
    // 12000 min of the 2150 block, then 3000 of the 1935 block: 3000 × 1935 / 12000 = 483.75.
    expect(unusedPurchaseValue({ balance: 15000, purchases })).toEqual({
      refundCents: 2150 + 483,
      parts: [
        { at: new Date('2026-03-01T10:00:00Z'), amount: 12000, refundCents: 2150 },
        { at: new Date('2025-02-01T10:00:00Z'), amount: 3000, refundCents: 483 },
      ],
      unvaluedAmount: 0,
    });
  });

  it('rounds the part of a purchase down to the cent', () => {
    expect(unusedPurchaseValue({ balance: 1, purchases }).refundCents).toBe(0);
    expect(unusedPurchaseValue({ balance: 6000, purchases }).refundCents).toBe(1075);
    expect(unusedPurchaseValue({ balance: 5999, purchases }).refundCents).toBe(1074);
  });

  it('does not depend on the order in which purchases are listed', () => {
    const reversed = [...purchases].reverse();
    expect(unusedPurchaseValue({ balance: 15000, purchases: reversed }).refundCents).toBe(2633);
  });

  it('values free care time at nothing when it is the most recent credit', () => {
    const withCare = [...purchases, credit('2026-06-01T10:00:00Z', 400 * 60, 0)];
    expect(unusedPurchaseValue({ balance: 400 * 60 + 6000, purchases: withCare })).toMatchObject({
      refundCents: 1075,
    });
  });

  it('refunds nothing for an empty or negative balance, and values unexplained balance at nothing', () => {
    expect(unusedPurchaseValue({ balance: 0, purchases }).refundCents).toBe(0);
    expect(unusedPurchaseValue({ balance: -60, purchases }).refundCents).toBe(0);
    expect(unusedPurchaseValue({ balance: 30000, purchases })).toMatchObject({
      refundCents: 4085,
      unvaluedAmount: 6000,
    });
  });

  it('takes the later ledger row as the more recent when times are equal', () => {
    const sameTime = [
      credit('2026-01-01T10:00:00Z', 100, 100),
      credit('2026-01-01T10:00:00Z', 100, 300),
    ];
    expect(unusedPurchaseValue({ balance: 100, purchases: sameTime }).refundCents).toBe(300);
  });

  it('refunds on moving to another zone or out of paid parking, and on death, in Delft', () => {
    for (const occasion of ['movedToOtherZone', 'movedOutOfPaidParking', 'holderDied'] as const) {
      expect(
        unusedPurchaseRefund({ policy: delftTopUpPolicy, occasion, balance: 15000, purchases }),
      ).toMatchObject({ ok: true, refundCents: 2633 });
    }
    expect(
      unusedPurchaseRefund({
        policy: delftTopUpPolicy,
        occasion: 'permitEnded',
        balance: 15000,
        purchases,
      }),
    ).toEqual({
      ok: false,
      reason: 'REFUND_OCCASION_NOT_COVERED',
      params: { occasion: 'permitEnded' },
    });
  });

  it('refunds nothing where unused balance lapses when the permit ends (002)', () => {
    expect(
      unusedPurchaseRefund({
        policy: permitYearTopUpPolicy,
        occasion: 'movedToOtherZone',
        balance: 15000,
        purchases,
      }),
    ).toEqual({ ok: false, reason: 'REFUND_BALANCE_LAPSES' });
  });

  describe('properties', () => {
    const creditsArb = fc.array(
      fc.record({
        at: fc.integer({ min: 0, max: 1e11 }).map((ms) => new Date(1.7e12 + ms)),
        amount: fc.integer({ min: 1, max: 36000 }),
        priceCents: fc.nat(20000),
      }),
      { maxLength: 10 },
    );
    const total = (credits: BalanceCredit[], key: 'amount' | 'priceCents') =>
      credits.reduce((sum, c) => sum + c[key], 0);

    it('never refunds more than was paid, and refunds everything paid for an untouched balance', () => {
      fc.assert(
        fc.property(creditsArb, fc.integer({ min: -100, max: 400000 }), (credits, balance) => {
          const value = unusedPurchaseValue({ balance, purchases: credits });
          expect(value.refundCents).toBeLessThanOrEqual(total(credits, 'priceCents'));
          const untouched = unusedPurchaseValue({
            balance: total(credits, 'amount'),
            purchases: credits,
          });
          expect(untouched.refundCents).toBe(total(credits, 'priceCents'));
        }),
      );
    });

    it('refunds no less for a larger balance', () => {
      fc.assert(
        fc.property(creditsArb, fc.nat(200000), fc.nat(200000), (credits, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          expect(
            unusedPurchaseValue({ balance: low, purchases: credits }).refundCents,
          ).toBeLessThanOrEqual(
            unusedPurchaseValue({ balance: high, purchases: credits }).refundCents,
          );
        }),
      );
    });

    it('splits the balance into parts that add up', () => {
      fc.assert(
        fc.property(creditsArb, fc.nat(400000), (credits, balance) => {
          const value = unusedPurchaseValue({ balance, purchases: credits });
          const parts = value.parts.reduce((sum, part) => sum + part.amount, 0);
          expect(parts + value.unvaluedAmount).toBe(balance);
          expect(value.parts.reduce((sum, part) => sum + part.refundCents, 0)).toBe(
            value.refundCents,
          );
        }),
      );
    });
  });
});
