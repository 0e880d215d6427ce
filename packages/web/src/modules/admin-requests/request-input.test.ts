import { describe, expect, it } from 'vitest';
import { minutesOfHours, requestedAtOf, todayIn } from './request-input.js';

describe('hours typed by an official', () => {
  it('reads whole hours and Dutch or English decimals', () => {
    expect(minutesOfHours('10')).toBe(600);
    expect(minutesOfHours(' 1,5 ')).toBe(90);
    expect(minutesOfHours('0.25')).toBe(15);
    expect(minutesOfHours('400')).toBe(24_000);
  });

  it('refuses nothing, zero, negatives, words and a thousands separator', () => {
    for (const text of ['', '0', '0,00', '-2', 'tien', '1.000', '1,5 u', '0,01']) {
      expect(minutesOfHours(text), text).toBeNull();
    }
  });
});

describe('the day a request arrived', () => {
  const zone = 'Europe/Amsterdam';

  it('is now for today (left to the API) and the local start of an earlier day', () => {
    expect(requestedAtOf('2026-11-23', '2026-11-23', zone)).toBeNull();
    expect(requestedAtOf('', '2026-11-23', zone)).toBeNull();
    // Winter time: midnight in Amsterdam is 23:00 UTC the day before.
    expect(requestedAtOf('2026-11-20', '2026-11-23', zone)).toBe('2026-11-19T23:00:00.000Z');
    // Summer time, the day after the clocks went forward: 22:00 UTC.
    expect(requestedAtOf('2026-03-30', '2026-04-02', zone)).toBe('2026-03-29T22:00:00.000Z');
  });

  it("takes today from the town's clock, not UTC", () => {
    // 23:30 UTC on 31 December is already 1 January in Amsterdam.
    expect(todayIn(zone, new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
