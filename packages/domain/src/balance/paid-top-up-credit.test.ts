import { describe, expect, it } from 'vitest';
import { instantAt } from '../time/zoned-time.js';
import { reasonNotToCredit } from './paid-top-up-credit.js';
import type { TopUpInput } from './top-up-offers.js';
import { delftTopUpPolicy } from './top-up-policy.examples.js';

const tz = 'Europe/Amsterdam';
const hours = (h: number) => h * 60;
const block = hours(200);
const at = (hh: number, mm = 0) => instantAt('2026-10-01', hh * 60 + mm, tz);

/** Delft: blocks of 200 hours, at most 600 hours a calendar year, none above 60 hours. */
const delft = (overrides: Partial<TopUpInput>): TopUpInput => ({
  policy: delftTopUpPolicy,
  balance: 0,
  purchases: [],
  permitStart: '2021-05-01',
  zone: 'C',
  holderType: 'resident',
  now: at(10, 10),
  timeZone: tz,
  ...overrides,
});
const bought = (when: Date) => ({ at: when, amount: block, priceCents: 1935 });

describe('docs/rules.md §4: a paid top-up is credited only within the cap and threshold it was allowed under', () => {
  const started = at(10);

  it('credits a top-up that still fits', () => {
    const input = delft({ balance: hours(10), purchases: [bought(at(8))] });
    expect(reasonNotToCredit(input, { amount: block, startedAt: started })).toBeNull();
  });

  it('refuses the second of two payments started side by side that together pass the yearly cap', () => {
    // 400 hours bought this year; both payments fitted the 600 when they started.
    const earlier = [bought(at(8)), bought(at(9))];
    const firstCredited = delft({ balance: block, purchases: [...earlier, bought(at(10, 5))] });
    expect(reasonNotToCredit(firstCredited, { amount: block, startedAt: started })).toBe(
      'capReached',
    );
  });

  it('refuses a top-up when a top-up credited since its payment started passed the threshold', () => {
    const input = delft({ balance: hours(20) + block, purchases: [bought(at(10, 5))] });
    expect(reasonNotToCredit(input, { amount: block, startedAt: started })).toBe(
      'thresholdReached',
    );
  });

  it('credits a top-up although the balance passed the threshold for another reason', () => {
    // 100 hours, the last purchase from before the payment started: a returned reservation.
    const input = delft({ balance: hours(100), purchases: [bought(at(8))] });
    expect(reasonNotToCredit(input, { amount: block, startedAt: started })).toBeNull();
  });
});
