import { describe, expect, it } from 'vitest';
import { streetOf } from './street.js';

describe('the street the desk may show (docs/security.md, "The municipal desk")', () => {
  it('keeps the street and drops the house number, its additions and the town', () => {
    expect(streetOf('Oude Delft 1, Delft')).toBe('Oude Delft');
    expect(streetOf('Westlandseweg 20 A, Delft')).toBe('Westlandseweg');
    expect(streetOf('2e Hogeweg 7, Oudstad')).toBe('2e Hogeweg');
    expect(streetOf('Markt, Oudstad')).toBe('Markt');
  });
});
