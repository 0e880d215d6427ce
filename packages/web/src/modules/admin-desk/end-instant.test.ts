import { describe, expect, it } from 'vitest';
import { endInstant } from './end-instant.js';

describe('the end the desk types as HH:MM (docs/rules.md §5, "The municipal desk")', () => {
  const monday10 = new Date('2026-11-23T09:00:00Z'); // 10:00 in Amsterdam (CET)

  it('is today on the town’s clock when that time is still to come', () => {
    expect(endInstant('17:30', monday10)).toBe('2026-11-23T16:30:00.000Z');
  });

  it('is tomorrow when that time has passed today, as the phone line reads it', () => {
    expect(endInstant('09:00', monday10)).toBe('2026-11-24T08:00:00.000Z');
    expect(endInstant('10:00', monday10)).toBe('2026-11-24T09:00:00.000Z');
  });

  it('places tomorrow by its own clock across the change to summer time', () => {
    // Saturday 28 March 2026 23:30 CET; the clocks go forward that night.
    const saturdayNight = new Date('2026-03-28T22:30:00Z');
    expect(endInstant('10:00', saturdayNight)).toBe('2026-03-29T08:00:00.000Z');
    // And back in autumn: Saturday 24 October 2026 23:30 CEST.
    expect(endInstant('10:00', new Date('2026-10-24T21:30:00Z'))).toBe('2026-10-25T09:00:00.000Z');
  });

  it('is none (the product’s default end) when nothing or no time was typed', () => {
    expect(endInstant('', monday10)).toBeNull();
    expect(endInstant('7 uur', monday10)).toBeNull();
  });
});
