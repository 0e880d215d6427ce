import { describe, expect, it } from 'vitest';
import { delftTopUpPolicy, moneyCapTopUpPolicy } from '../balance/top-up-policy.examples.js';
import { validateTopUpPolicy, type TopUpPolicyContext } from './top-up-policy-validation.js';

const delft: TopUpPolicyContext = {
  unit: 'minutes',
  zoneCodes: ['B', 'C', 'E', 'F', 'H', 'TU', 'Y', 'Z'],
  today: '2026-11-23',
  previous: delftTopUpPolicy,
};
const codes = (policy: unknown, context = delft) =>
  validateTopUpPolicy(policy, context).map((problem) => `${problem.code} ${problem.path}`);
const prices = delftTopUpPolicy.pricing.prices;

describe('validating a top-up policy an admin entered', () => {
  it('accepts the policies of the sources as they are', () => {
    expect(codes(delftTopUpPolicy)).toEqual([]);
    expect(
      codes(moneyCapTopUpPolicy, {
        unit: 'cents',
        zoneCodes: [],
        today: '2026-11-23',
        previous: moneyCapTopUpPolicy,
      }),
    ).toEqual([]);
  });

  it('refuses a cap below one block: nothing could ever be bought', () => {
    const policy = { ...delftTopUpPolicy, cap: { ...delftTopUpPolicy.cap, limit: 100 * 60 } };
    expect(codes(policy)).toEqual(['SETTING_CAP_BELOW_BLOCK topUpPolicy.cap.limit']);
  });

  it('refuses a unit other than the balance’s, and face value for a time balance', () => {
    const policy = { ...delftTopUpPolicy, unit: 'cents', pricing: { kind: 'faceValue' } };
    expect(codes(policy)).toEqual([
      'SETTING_UNIT_MISMATCH topUpPolicy.unit',
      'SETTING_UNIT_MISMATCH topUpPolicy.pricing.kind',
      'SETTING_PAST_PRICE_CHANGED topUpPolicy.pricing.kind',
    ]);
  });

  it('keeps the past prices: a line in effect may not change or go, a future one may', () => {
    const raised = prices.map((line, i) => (i === 0 ? { ...line, priceCents: 4000 } : line));
    const changed = {
      ...delftTopUpPolicy,
      pricing: { ...delftTopUpPolicy.pricing, prices: raised },
    };
    expect(codes(changed)).toEqual([
      'SETTING_PAST_PRICE_CHANGED topUpPolicy.pricing.prices[0]',
      'SETTING_PAST_PRICE_CHANGED topUpPolicy.pricing.prices',
    ]);
    const next = {
      validFrom: '2027-01-01',
      zones: ['B'],
      holderType: 'resident',
      priceCents: 4000,
    };
    const added = {
      ...delftTopUpPolicy,
      pricing: { ...delftTopUpPolicy.pricing, prices: [...prices, next] },
    };
    expect(codes(added)).toEqual([]);
    // Today's line is in effect already.
    const today = { ...next, validFrom: '2026-11-23' };
    const fromToday = {
      ...delftTopUpPolicy,
      pricing: { ...delftTopUpPolicy.pricing, prices: [...prices, today] },
    };
    expect(codes(fromToday)).toEqual(['SETTING_PAST_PRICE_CHANGED topUpPolicy.pricing.prices[6]']);
  });

  it('names unknown zones, wrong dates and a broken shape where they are', () => {
    const line = { validFrom: '2027-02-30', zones: ['Q'], holderType: 'visitor', priceCents: -1 };
    const policy = {
      ...delftTopUpPolicy,
      amounts: { kind: 'blocks', blockSize: 0 },
      pricing: { ...delftTopUpPolicy.pricing, prices: [...prices, line] },
      careGrant: 'yes',
    };
    expect(codes(policy)).toEqual([
      'SETTING_REQUIRED topUpPolicy.amounts.maxBlocksPerPurchase',
      'SETTING_NOT_POSITIVE topUpPolicy.amounts.blockSize',
      'REGIME_INVALID_DATE topUpPolicy.pricing.prices[6].validFrom',
      'SETTING_INVALID_CHOICE topUpPolicy.pricing.prices[6].holderType',
      'SETTING_UNKNOWN_ZONE topUpPolicy.pricing.prices[6].zones[0]',
      'SETTING_NEGATIVE topUpPolicy.pricing.prices[6].priceCents',
      'SETTING_REQUIRED topUpPolicy.careGrant',
    ]);
    expect(codes(null)).toEqual(['SETTING_REQUIRED topUpPolicy']);
  });

  it('refuses what the top-up code could not serve: huge offers, twin lines, care on money', () => {
    const policy = {
      ...delftTopUpPolicy,
      amounts: { ...delftTopUpPolicy.amounts, maxBlocksPerPurchase: 1e10 },
      pricing: {
        ...delftTopUpPolicy.pricing,
        prices: [
          ...prices,
          { ...prices[0], validFrom: '2027-01-01' },
          { ...prices[0], validFrom: '2027-01-01' },
        ],
      },
      applicationFees: [
        ...delftTopUpPolicy.applicationFees,
        { validFrom: '2024-01-01', feeCents: 1 },
      ],
    };
    expect(codes(policy)).toEqual([
      'SETTING_TOO_LARGE topUpPolicy.amounts.maxBlocksPerPurchase',
      'SETTING_DUPLICATE_LINE topUpPolicy.pricing.prices[7].zones[0]',
      'SETTING_DUPLICATE_LINE topUpPolicy.applicationFees[1].validFrom',
      'SETTING_PAST_PRICE_CHANGED topUpPolicy.applicationFees[1]',
    ]);
    const money = {
      unit: 'cents' as const,
      zoneCodes: [],
      today: '2026-11-23',
      previous: moneyCapTopUpPolicy,
    };
    expect(
      codes(
        { ...moneyCapTopUpPolicy, careGrant: { period: 'calendarYear', limitMinutes: 60 } },
        money,
      ),
    ).toEqual(['SETTING_UNIT_MISMATCH topUpPolicy.careGrant']);
  });

  it('keeps what a price in effect buys: its unit amount and its kind of pricing', () => {
    const rescaled = {
      ...delftTopUpPolicy,
      pricing: { ...delftTopUpPolicy.pricing, unitAmount: 60 },
    };
    expect(codes(rescaled)).toEqual(['SETTING_PAST_PRICE_CHANGED topUpPolicy.pricing.unitAmount']);
    // Before any line is in effect, both may still change.
    const future = prices.map((line) => ({ ...line, validFrom: '2027-01-01' }));
    const notYet = {
      ...delftTopUpPolicy,
      pricing: { ...delftTopUpPolicy.pricing, prices: future },
    };
    const context = { ...delft, previous: notYet };
    expect(codes({ ...notYet, pricing: { ...notYet.pricing, unitAmount: 60 } }, context)).toEqual(
      [],
    );
  });
});
