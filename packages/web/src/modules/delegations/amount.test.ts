import { describe, expect, it } from 'vitest';
import { parseAmount } from './amount.js';

describe('the amount typed for a delegation', () => {
  it('reads hours for a time balance: whole, decimal with comma or point, or h:mm', () => {
    expect(parseAmount('2', 'minutes')).toBe(120);
    expect(parseAmount('1,5', 'minutes')).toBe(90);
    expect(parseAmount('0.25', 'minutes')).toBe(15);
    expect(parseAmount('1:30', 'minutes')).toBe(90);
    expect(parseAmount(' 10 ', 'minutes')).toBe(600);
  });

  it('refuses hours that are no whole number of minutes, or no positive amount', () => {
    expect(parseAmount('0,3333', 'minutes')).toBeNull();
    expect(parseAmount('0', 'minutes')).toBeNull();
    expect(parseAmount('1:75', 'minutes')).toBeNull();
    expect(parseAmount('-1', 'minutes')).toBeNull();
    expect(parseAmount('twee', 'minutes')).toBeNull();
    expect(parseAmount('', 'minutes')).toBeNull();
  });

  it('reads euros for a money balance, to the cent', () => {
    expect(parseAmount('5', 'cents')).toBe(500);
    expect(parseAmount('7,5', 'cents')).toBe(750);
    expect(parseAmount('€ 7.50', 'cents')).toBe(750);
    expect(parseAmount('0,05', 'cents')).toBe(5);
    expect(parseAmount('1,234', 'cents')).toBeNull();
    expect(parseAmount('0,00', 'cents')).toBeNull();
  });
});
