import { describe, expect, it } from 'vitest';
import { formatsFor } from '../../app/ui/format.js';
import { isFreePermitPrice, signedAmount, timeRange } from './history-format.js';

const nl = formatsFor('nl');
const en = formatsFor('en');

describe('amounts of the transaction list', () => {
  it('shows what adds with a plus and what takes with a minus sign', () => {
    expect(signedAmount(120, 'minutes', nl)).toBe('+2 u');
    expect(signedAmount(-90, 'minutes', en)).toBe('\u22121 h 30 min');
    expect(signedAmount(-750, 'cents', nl)).toMatch(/^\u2212€\s7,50$/);
    expect(signedAmount(0, 'minutes', nl)).toBe('0 min');
  });
});

describe('a counter permit that cost nothing', () => {
  it('is a permit price of zero, not a paid price, a refund of zero or a balance change', () => {
    expect(isFreePermitPrice('permitFee', 0)).toBe(true);
    expect(isFreePermitPrice('permitFee', 590)).toBe(false);
    expect(isFreePermitPrice('permitRefund', 0)).toBe(false);
    expect(isFreePermitPrice('topUp', null)).toBe(false);
  });
});

describe('the time of a session in the history', () => {
  it('names the day once when the session ends on the day it started (Amsterdam clock)', () => {
    // 09:00Z is 10:00 in Amsterdam in winter.
    expect(timeRange('2026-11-23T09:00:00Z', '2026-11-23T11:30:00Z', nl)).toBe(
      'ma 23 nov, 10:00 – 12:30',
    );
  });

  it('names both days for a session over midnight in Amsterdam, even on one UTC day', () => {
    // 23:30Z on 23 November is already 00:30 on 24 November in Amsterdam.
    expect(timeRange('2026-11-23T22:00:00Z', '2026-11-23T23:30:00Z', en)).toBe(
      'Mon 23 Nov, 23:00 – Tue 24 Nov, 00:30',
    );
  });
});
