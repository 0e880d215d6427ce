import { describe, expect, it } from 'vitest';
import {
  amountText,
  hoursAndMinutes,
  parseAmount,
  parseCount,
  parseHoursAndMinutes,
} from './amounts.js';

describe('amounts as an admin types them', () => {
  it('shows minutes as hours and cents as euros, in the language’s notation', () => {
    expect(amountText(12000, 'minutes', 'nl')).toBe('200');
    expect(amountText(90, 'minutes', 'nl')).toBe('1,5');
    expect(amountText(90, 'minutes', 'en')).toBe('1.5');
    expect(amountText(100, 'minutes', 'en')).toBe('1.67');
    expect(amountText(3820, 'cents', 'nl')).toBe('38,20');
    expect(amountText(1005, 'cents', 'en')).toBe('10.05');
    expect(amountText(1000, 'cents', 'nl')).toBe('10');
    expect(amountText(null, 'cents', 'nl')).toBe('');
  });

  it('reads them back as integers, exactly', () => {
    expect(parseAmount('200', 'minutes')).toBe(12000);
    expect(parseAmount('1,5', 'minutes')).toBe(90);
    expect(parseAmount('1.67', 'minutes')).toBe(100);
    expect(parseAmount('38,20', 'cents')).toBe(3820);
    expect(parseAmount('0.29', 'cents')).toBe(29);
    expect(parseAmount(' 10 ', 'cents')).toBe(1000);
    expect(parseAmount('', 'cents')).toBeNull();
  });

  it('refuses what is no amount', () => {
    expect(parseAmount('1,005', 'cents')).toBeUndefined();
    expect(parseAmount('1.000,00', 'cents')).toBeUndefined();
    expect(parseAmount('-5', 'minutes')).toBeUndefined();
    expect(parseAmount('tien', 'cents')).toBeUndefined();
    expect(parseCount('2.5')).toBeUndefined();
    expect(parseCount('3')).toBe(3);
    expect(parseCount(' ')).toBeNull();
  });

  it('splits a duration into hours and minutes and joins it again', () => {
    expect(hoursAndMinutes(195)).toEqual({ hours: '3', minutes: '15' });
    expect(hoursAndMinutes(null)).toEqual({ hours: '', minutes: '' });
    expect(parseHoursAndMinutes('3', '15')).toBe(195);
    expect(parseHoursAndMinutes('', '45')).toBe(45);
    expect(parseHoursAndMinutes('2', '')).toBe(120);
    expect(parseHoursAndMinutes('', '')).toBeNull();
    expect(parseHoursAndMinutes('x', '')).toBeUndefined();
  });
});
