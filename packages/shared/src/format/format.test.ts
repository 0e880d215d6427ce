import { describe, expect, it } from 'vitest';
import { formatBalance } from './balance.js';
import { formatDuration } from './duration.js';
import { formatMoney } from './money.js';

const nbsp = '\u00a0';

describe('money formatting', () => {
  it('writes Dutch amounts with a comma and the euro sign in front', () => {
    expect(formatMoney(1935, 'nl')).toBe(`€${nbsp}19,35`);
    expect(formatMoney(11480, 'nl')).toBe(`€${nbsp}114,80`);
    expect(formatMoney(123456, 'nl')).toBe(`€${nbsp}1.234,56`);
  });
  it('writes British amounts with a point', () => {
    expect(formatMoney(1935, 'en')).toBe('€19.35');
    expect(formatMoney(-590, 'en')).toBe('-€5.90');
  });
  it('refuses fractions of a cent', () => {
    expect(() => formatMoney(19.5, 'nl')).toThrow(RangeError);
  });
});

describe('duration formatting', () => {
  it.each([
    [135, 'nl', '2 u 15 min'],
    [135, 'en', '2 h 15 min'],
    [10, 'nl', '10 min'],
    [0, 'en', '0 min'],
    [12000, 'nl', '200 u'],
    [-90, 'en', '-1 h 30 min'],
  ] as const)('%i minutes in %s is %s', (minutes, language, expected) => {
    expect(formatDuration(minutes, language)).toBe(expected);
  });
});

describe('balance formatting', () => {
  it('follows the unit of the product', () => {
    expect(formatBalance(3600, 'minutes', 'nl')).toBe('60 u');
    expect(formatBalance(3600, 'cents', 'nl')).toBe(`€${nbsp}36,00`);
  });
});
