import { describe, expect, it } from 'vitest';
import { barPercent, monthLabel } from './usage-bars.js';

describe('the balance picture', () => {
  it('scales bars to the longest, keeps a small use visible and an unused month empty', () => {
    expect(barPercent(120, 120)).toBe(100);
    expect(barPercent(60, 120)).toBe(50);
    expect(barPercent(1, 1000)).toBe(2);
    expect(barPercent(0, 120)).toBe(0);
    expect(barPercent(0, 0)).toBe(0);
  });

  it('names months in the interface language', () => {
    expect(monthLabel('2026-03-01', 'nl-NL')).toBe('mrt');
    expect(monthLabel('2026-03-01', 'en-GB')).toBe('Mar');
  });
});
