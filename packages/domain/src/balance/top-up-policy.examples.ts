import type { TopUpPolicy } from './top-up-policy.js';

/**
 * The three kinds of municipality in the sources, as policies: for tests and for the API's seed
 * data. Where a source gives no number (the per-hour price of 002, the money amounts of 003) the
 * value here is made up, and says so.
 */

/** Delft (004): blocks of 200 h at ≤ 60 h, 600 h per calendar year, prices from 1 Nov 2020. */
export const delftTopUpPolicy = {
  unit: 'minutes',
  amounts: { kind: 'blocks', blockSize: 200 * 60, maxBlocksPerPurchase: 1 },
  pricing: {
    kind: 'perUnit',
    unitAmount: 200 * 60,
    prices: [
      { validFrom: '2020-11-01', zones: ['B'], holderType: 'resident', priceCents: 3820 },
      { validFrom: '2020-11-01', zones: ['B'], holderType: 'business', priceCents: 11480 },
      {
        validFrom: '2020-11-01',
        zones: ['C', 'E', 'F', 'TU', 'Y', 'Z'],
        holderType: 'resident',
        priceCents: 1935,
      },
      // No TU here: businesses in zone TU cannot have a visitor permit (docs/rules.md §2).
      {
        validFrom: '2020-11-01',
        zones: ['C', 'E', 'F', 'Y', 'Z'],
        holderType: 'business',
        priceCents: 3015,
      },
      { validFrom: '2020-11-01', zones: ['H'], holderType: 'resident', priceCents: 1935 },
      { validFrom: '2020-11-01', zones: ['H'], holderType: 'business', priceCents: 3015 },
    ],
  },
  maxBalanceForTopUp: 60 * 60,
  cap: { period: 'calendarYear', measure: 'amount', limit: 600 * 60 },
  applicationFees: [{ validFrom: '2024-01-01', feeCents: 590 }],
  careGrant: { period: 'calendarYear', limitMinutes: 400 * 60 },
  unusedBalance: {
    kind: 'refundOnRequest',
    occasions: ['movedToOtherZone', 'movedOutOfPaidParking', 'holderDied'],
  },
} as const satisfies TopUpPolicy;

/**
 * A per-hour scheme (002): at most 500 h per permit year, unused balance lapses when the permit
 * ends. The presets and the hourly price are made up (the source links to a tariff page).
 */
export const permitYearTopUpPolicy = {
  unit: 'minutes',
  amounts: { kind: 'presets', presets: [60, 5 * 60, 10 * 60, 20 * 60, 50 * 60] },
  pricing: {
    kind: 'perUnit',
    unitAmount: 60,
    prices: [
      { validFrom: '2024-01-01', zones: ['centrum'], holderType: 'resident', priceCents: 110 },
      { validFrom: '2024-01-01', zones: ['centrum'], holderType: 'business', priceCents: 220 },
    ],
  },
  maxBalanceForTopUp: null,
  cap: { period: 'permitYear', measure: 'amount', limit: 500 * 60 },
  applicationFees: [],
  careGrant: null,
  unusedBalance: { kind: 'lapse' },
} as const satisfies TopUpPolicy;

/**
 * A money balance (003): amounts chosen from presets, a maximum in money per calendar year. The
 * presets, the maximum and the refund occasions are made up (the manual names none).
 */
export const moneyCapTopUpPolicy = {
  unit: 'cents',
  amounts: { kind: 'presets', presets: [1000, 2500, 5000] },
  pricing: { kind: 'faceValue' },
  maxBalanceForTopUp: null,
  cap: { period: 'calendarYear', measure: 'price', limit: 15000 },
  applicationFees: [],
  careGrant: null,
  unusedBalance: { kind: 'refundOnRequest', occasions: ['movedToOtherZone'] },
} as const satisfies TopUpPolicy;
